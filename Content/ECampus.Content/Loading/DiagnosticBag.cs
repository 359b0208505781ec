namespace ECampus.Content.Loading;

/// <summary>Collects diagnostics while a pack loads; every step reports and carries on, so authors see all problems at once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    public IReadOnlyList<Diagnostic> Items => items;

    public bool HasErrors => items.Exists(d => d.IsError);

    public void Add(Diagnostic diagnostic) => items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => items.AddRange(diagnostics);

    public void Error(string code, SourcePoint at, string message, string? hint = null) =>
        items.Add(new Diagnostic(DiagnosticSeverity.Error, code, at.File, at.Line, at.Column, message, hint));

    public void Warning(string code, SourcePoint at, string message, string? hint = null) =>
        items.Add(new Diagnostic(DiagnosticSeverity.Warning, code, at.File, at.Line, at.Column, message, hint));
}

/// <summary>A position in a pack file: file relative to the pack, 1-based line and column (0 = whole file).</summary>
internal readonly record struct SourcePoint(string File, int Line, int Column)
{
    public static SourcePoint WholeFile(string file) => new(file, 0, 0);
}

/// <summary>A value read from a pack file, with where it was written, so later cross-checks can point at it.</summary>
internal readonly record struct Located<T>(T Value, SourcePoint At);
