namespace ECampus.Content.Rendering;

/// <summary>
/// Sanitised HTML, safe to write into a page as is. When the text was rejected (too large or too deeply
/// nested) <see cref="Html"/> is empty and <see cref="Diagnostics"/> says why.
/// </summary>
/// <param name="Html">The sanitised HTML.</param>
/// <param name="Diagnostics">Why the text was rejected, if it was.</param>
public sealed record MarkdownRenderResult(string Html, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the text was not rendered.</summary>
    public bool IsRejected => Diagnostics.Any(d => d.IsError);
}
