namespace ECampus.Content.Loading;

/// <summary>
/// A Markdown file split into its YAML front matter and its body. Line numbers are kept so a problem
/// in either part is reported at its real line in the file.
/// </summary>
/// <param name="Yaml">The front matter text, or null when the file has none.</param>
/// <param name="YamlFirstLine">File line of the first front-matter line (2 when present).</param>
/// <param name="Body">The Markdown after the front matter.</param>
/// <param name="BodyFirstLine">File line of the first body line.</param>
internal sealed record FrontMatter(string? Yaml, int YamlFirstLine, string Body, int BodyFirstLine)
{
    /// <summary>Splits <paramref name="text"/>; returns null (and reports) when front matter is opened but never closed.</summary>
    public static FrontMatter? Split(string text, string file, DiagnosticBag diagnostics)
    {
        if (!IsFence(text, 0, out var afterOpening, "---"))
        {
            return new FrontMatter(null, 0, text, 1);
        }

        var line = 2;
        var position = afterOpening;
        while (position < text.Length)
        {
            if (IsFence(text, position, out var afterClosing, "---") || IsFence(text, position, out afterClosing, "..."))
            {
                var yaml = text[afterOpening..position];
                return new FrontMatter(yaml, 2, text[afterClosing..], line + 1);
            }

            var next = text.IndexOf('\n', position);
            if (next < 0)
            {
                break;
            }

            position = next + 1;
            line++;
        }

        diagnostics.Error(DiagnosticCodes.FrontMatter, new SourcePoint(file, 1, 1),
            "The front matter opened on line 1 is never closed.",
            "End the front matter with a line containing only '---'.");
        return null;
    }

    private static bool IsFence(string text, int start, out int after, string fence)
    {
        after = start;
        if (string.CompareOrdinal(text, start, fence, 0, fence.Length) != 0)
        {
            return false;
        }

        var end = start + fence.Length;
        while (end < text.Length && (text[end] == ' ' || text[end] == '\t'))
        {
            end++;
        }

        if (end < text.Length && text[end] != '\n')
        {
            return false;
        }

        after = Math.Min(end + 1, text.Length);
        return true;
    }
}
