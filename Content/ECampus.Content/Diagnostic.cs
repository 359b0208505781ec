namespace ECampus.Content;

/// <summary>How serious a <see cref="Diagnostic"/> is. A pack with any error is not loaded; warnings never block it.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Probably a mistake, but the pack still works.</summary>
    Warning,

    /// <summary>The pack cannot be used until this is fixed.</summary>
    Error,
}

/// <summary>
/// One problem found in a pack or a piece of Markdown. <paramref name="File"/> is relative to the pack folder
/// (forward slashes); <paramref name="Line"/> and <paramref name="Column"/> are 1-based positions in that file,
/// or 0 when the problem concerns the whole file.
/// </summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable code such as <c>PACK012</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="File">Path relative to the pack folder, e.g. <c>fr/01-intro.md</c>.</param>
/// <param name="Line">1-based line, or 0 for the whole file.</param>
/// <param name="Column">1-based column, or 0 for the whole line or file.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
/// <param name="Hint">How to fix it, when there is something useful to say.</param>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string File,
    int Line,
    int Column,
    string Message,
    string? Hint = null)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The diagnostic as the CLI prints it, without the hint line.</summary>
    public override string ToString() => DiagnosticReport.FormatLine(this);
}
