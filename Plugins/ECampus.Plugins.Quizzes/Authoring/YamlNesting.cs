namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// A pre-scan before YamlDotNet, which builds its tree recursively: runaway brackets or indentation
/// would overflow the stack, which cannot be caught.
/// </summary>
internal static class YamlNesting
{
    public const int MaxDepth = 32;

    private const int MaxIndent = 128;

    /// <summary>The position (line and column from 1, within the YAML) where it gets too deep, or null.</summary>
    public static (int Line, int Column)? TooDeep(string yaml)
    {
        var depth = 0;
        var line = 1;
        var column = 0;
        var indent = 0;
        var atLineStart = true;
        char? quote = null;
        foreach (var c in yaml)
        {
            column++;
            if (c == '\n')
            {
                (line, column, indent, atLineStart, quote) = (line + 1, 0, 0, true, null);
                continue;
            }

            if (atLineStart && c == ' ')
            {
                if (++indent > MaxIndent)
                {
                    return (line, column);
                }

                continue;
            }

            atLineStart = false;
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '[' or '{':
                    if (++depth > MaxDepth)
                    {
                        return (line, column);
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return null;
    }
}
