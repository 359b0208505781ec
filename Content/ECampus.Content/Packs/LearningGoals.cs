namespace ECampus.Content;

/// <summary>The learning-goals step before a course (pack.yml <c>learning-goals</c>).</summary>
/// <param name="Prompt">The question shown to learners.</param>
/// <param name="Min">Fewest goals a learner must write (default 1).</param>
/// <param name="Max">Most goals a learner may write (default 5).</param>
public sealed record LearningGoals(string Prompt, int Min, int Max);
