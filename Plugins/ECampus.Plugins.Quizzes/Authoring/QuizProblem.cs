namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>How serious a problem is: an error stops the quiz from being used, a warning does not.</summary>
public enum QuizSeverity
{
    /// <summary>The quiz cannot be used until it is fixed.</summary>
    Error,

    /// <summary>The quiz works, but probably not as the author meant.</summary>
    Warning,
}

/// <summary>A problem in a quiz file, at its real file line and column (both from 1).</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Line">File line.</param>
/// <param name="Column">Column on that line.</param>
/// <param name="Code">Stable code, <c>QUIZ001</c> and on (see docs/quizzes.md).</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it.</param>
public sealed record QuizProblem(QuizSeverity Severity, int Line, int Column, string Code, string Message, string Hint)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Line}:{Column} {(Severity == QuizSeverity.Error ? "error" : "warning")} {Code}: {Message} {Hint}";
}
