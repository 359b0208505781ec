namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// A pre-scan for quotes and lists nested deeper than anyone writes on purpose, so the problem is reported at
/// its line; Markdig's own limit only throws, without a position.
/// </summary>
internal static class MarkdownNesting
{
    public const int MaxDepth = 32;

    /// <summary>The file line (from 1) of the first line nested deeper than <see cref="MaxDepth"/>, or null.</summary>
    public static int? TooDeep(string text)
    {
        var line = 1;
        var depth = 0;
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                (line, depth, atLineStart) = (line + 1, 0, true);
                continue;
            }

            if (!atLineStart || c is ' ' or '\t')
            {
                continue;
            }

            var marker = c == '>' || (c is '-' or '*' or '+' && i + 1 < text.Length && text[i + 1] is ' ' or '\t');
            if (!marker)
            {
                atLineStart = false;
            }
            else if (++depth > MaxDepth)
            {
                return line;
            }
        }

        return null;
    }
}
