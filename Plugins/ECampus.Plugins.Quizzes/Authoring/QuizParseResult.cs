namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>The outcome of parsing a quiz file.</summary>
/// <param name="Quiz">The quiz, or null when there was any error.</param>
/// <param name="Problems">Errors and warnings in file order.</param>
public sealed record QuizParseResult(Quiz? Quiz, IReadOnlyList<QuizProblem> Problems)
{
    /// <summary>True when the quiz can be used (warnings allowed).</summary>
    public bool Succeeded => Quiz is not null;

    /// <summary>The errors.</summary>
    public IEnumerable<QuizProblem> Errors => Problems.Where(p => p.Severity == QuizSeverity.Error);

    /// <summary>The warnings.</summary>
    public IEnumerable<QuizProblem> Warnings => Problems.Where(p => p.Severity == QuizSeverity.Warning);
}
