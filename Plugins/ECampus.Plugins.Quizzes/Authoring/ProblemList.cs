namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Collects problems while a quiz is read.</summary>
internal sealed class ProblemList
{
    private readonly List<QuizProblem> _problems = [];

    public IReadOnlyList<QuizProblem> All => _problems;

    public bool HasErrors => _problems.Exists(p => p.Severity == QuizSeverity.Error);

    public int Count => _problems.Count;

    public void Error(SourcePosition at, string code, string message, string hint) =>
        _problems.Add(new QuizProblem(QuizSeverity.Error, at.Line, at.Column, code, message, hint));

    public void Warning(SourcePosition at, string code, string message, string hint) =>
        _problems.Add(new QuizProblem(QuizSeverity.Warning, at.Line, at.Column, code, message, hint));

    public bool ErrorsSince(int count) => _problems.Skip(count).Any(p => p.Severity == QuizSeverity.Error);
}
