namespace ECampus.Content.Rendering;

/// <summary>
/// A linear pre-scan that rejects text Markdig should never see: too long, or nested deeper than the limit
/// through quotes, list markers, indentation, <c>:::</c> blocks, brackets or HTML tags. Markdig recurses on
/// nesting and a stack overflow kills the process (it cannot be caught), so this runs first; Markdig's own
/// depth limit stays on behind it. The estimate errs high: real documents are nowhere near the limit.
/// </summary>
internal static class MarkdownComplexity
{
    /// <summary>Where and why the text was rejected. <see cref="Line"/> is 1-based within the text, 0 for "all of it".</summary>
    internal readonly record struct Issue(int Line, int Column, string Message);

    // Elements that close themselves or are closed implicitly; counting them would punish ordinary HTML.
    private static readonly HashSet<string> NonNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot",
    };

    public static Issue? Check(string text, int maxLength, int maxDepth)
    {
        if (text.Length > maxLength)
        {
            return new Issue(0, 0, $"The text is {text.Length:N0} characters long; the limit is {maxLength:N0}.");
        }

        var line = 0;
        var position = 0;
        var fence = '\0';
        var fenceLength = 0;
        var containers = 0;
        var brackets = 0;
        var tags = 0;
        while (position <= text.Length)
        {
            line++;
            var end = text.IndexOf('\n', position);
            if (end < 0)
            {
                end = text.Length;
            }

            var start = position;
            position = end + 1;

            if (IsThematicBreak(text, start, end))
            {
                brackets = 0;
                continue;
            }

            var (at, markers, columns) = ContainerPrefix(text, start, end);
            if (fence != '\0')
            {
                if (FenceAt(text, at, end, out var closingChar, out var closingLength) && closingChar == fence && closingLength >= fenceLength)
                {
                    fence = '\0';
                }

                continue;
            }

            if (FenceAt(text, at, end, out var openingChar, out var openingLength))
            {
                fence = openingChar;
                fenceLength = openingLength;
                continue;
            }

            if (at >= end)
            {
                brackets = 0; // a blank line ends the paragraph, and with it any open link text
                continue;
            }

            if (ColonFence(text, at, end, out var opensContainer))
            {
                containers = opensContainer ? containers + 1 : Math.Max(0, containers - 1);
            }

            var depth = markers + columns / 2 + containers;
            if (depth > maxDepth)
            {
                return new Issue(line, 1,
                    $"The Markdown is nested about {depth:N0} levels deep here (quotes, lists, indentation and ::: blocks); the limit is {maxDepth}.");
            }

            for (var i = at; i < end; i++)
            {
                switch (text[i])
                {
                    case '\\':
                        i++;
                        break;
                    case '[':
                        if (++brackets > maxDepth)
                        {
                            return new Issue(line, i - start + 1, $"Brackets are nested more than {maxDepth} deep here.");
                        }

                        break;
                    case ']':
                        brackets = Math.Max(0, brackets - 1);
                        break;
                    case '<':
                        var delta = TagDelta(text, i + 1, end);
                        tags = Math.Max(0, tags + delta);
                        if (tags > maxDepth)
                        {
                            return new Issue(line, i - start + 1, $"HTML tags are nested more than {maxDepth} deep here.");
                        }

                        break;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Skips blockquote markers, list markers and whitespace at the start of a line. Only the indentation
    /// before the first marker counts towards depth (a nested list item is indented about two columns per level).
    /// </summary>
    private static (int At, int Markers, int Columns) ContainerPrefix(string text, int start, int end)
    {
        var i = start;
        var markers = 0;
        var columns = 0;
        while (true)
        {
            while (i < end && (text[i] == ' ' || text[i] == '\t'))
            {
                if (markers == 0)
                {
                    columns += text[i] == '\t' ? 4 : 1;
                }

                i++;
            }

            if (i < end && text[i] == '>')
            {
                markers++;
                i++;
                continue;
            }

            if (ListMarker(text, i, end) is var after and > 0)
            {
                markers++;
                i = after;
                continue;
            }

            return (i, markers, columns);
        }
    }

    /// <summary>Position after a list marker at <paramref name="i"/>, or 0.</summary>
    private static int ListMarker(string text, int i, int end)
    {
        if (i >= end)
        {
            return 0;
        }

        var j = i;
        if (text[j] is '-' or '+' or '*')
        {
            j++;
        }
        else
        {
            while (j < end && j - i < 9 && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            if (j == i || j >= end || text[j] is not ('.' or ')'))
            {
                return 0;
            }

            j++;
        }

        return j == end || text[j] is ' ' or '\t' ? j : 0;
    }

    private static bool IsThematicBreak(string text, int start, int end)
    {
        var i = start;
        while (i < end && i - start < 3 && text[i] == ' ')
        {
            i++;
        }

        if (i >= end || text[i] is not ('-' or '*' or '_'))
        {
            return false;
        }

        var marker = text[i];
        var count = 0;
        for (; i < end; i++)
        {
            if (text[i] == marker)
            {
                count++;
            }
            else if (text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return count >= 3;
    }

    private static bool FenceAt(string text, int at, int end, out char fenceChar, out int length)
    {
        fenceChar = at < end ? text[at] : '\0';
        length = 0;
        if (fenceChar is not ('`' or '~'))
        {
            return false;
        }

        while (at + length < end && text[at + length] == fenceChar)
        {
            length++;
        }

        return length >= 3;
    }

    /// <summary>A ':::' line: true when it opens a block (a name follows), false for a closing line.</summary>
    private static bool ColonFence(string text, int at, int end, out bool opens)
    {
        var i = at;
        while (i < end && text[i] == ':')
        {
            i++;
        }

        opens = false;
        if (i - at < 3)
        {
            return false;
        }

        opens = text.AsSpan(i, end - i).Trim().Length > 0;
        return true;
    }

    /// <summary>+1 for an opening tag that nests, -1 for a closing tag, 0 otherwise.</summary>
    private static int TagDelta(string text, int i, int end)
    {
        var closing = i < end && text[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '-') && i - nameStart < 32)
        {
            i++;
        }

        if (i == nameStart || !char.IsAsciiLetter(text[nameStart]))
        {
            return 0;
        }

        // "<https://x>" is an autolink, not a tag.
        if (i < end && text[i] is not (' ' or '\t' or '>' or '/'))
        {
            return 0;
        }

        if (NonNesting.Contains(text[nameStart..i]))
        {
            return 0;
        }

        if (closing)
        {
            return -1;
        }

        // Look a bounded distance for "/>" so a line of thousands of unclosed tags stays linear.
        var close = text.IndexOf('>', i, Math.Min(end - i, 512));
        return close > 0 && text[close - 1] == '/' ? 0 : 1;
    }
}
