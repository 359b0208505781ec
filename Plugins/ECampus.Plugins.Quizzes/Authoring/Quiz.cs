namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// A parsed quiz: settings and questions with their answer keys. Immutable and JSON-serialisable
/// (<see cref="QuizJson"/>), so an attempt can keep the exact quiz it started with.
/// </summary>
public sealed record Quiz
{
    /// <summary>The quiz id (front matter <c>id</c>, else the one the pack derived from the file name).</summary>
    public required string Id { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The language of the quiz text (e.g. <c>en</c>, <c>fr</c>).</summary>
    public string Language { get; init; } = "en";

    /// <summary>Markdown written before the first question, shown before the quiz starts; may be empty.</summary>
    public string Introduction { get; init; } = "";

    /// <summary>
    /// The pack file the quiz was read from (e.g. <c>assessments/pre.md</c>), against which its Markdown's links and
    /// images resolve; null when it was not read from a pack.
    /// </summary>
    public string? SourceFile { get; init; }

    /// <summary>The settings.</summary>
    public QuizSettings Settings { get; init; } = new();

    /// <summary>The questions in written order.</summary>
    public required IReadOnlyList<Question> Questions { get; init; }

    /// <summary>The question with this id, or null.</summary>
    public Question? Find(string questionId) => Questions.FirstOrDefault(q => q.Id == questionId);
}
