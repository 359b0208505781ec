using System.Text;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>GIFT's escapes: <c>\~ \= \# \{ \} \:</c> stand for the character, <c>\\</c> for a backslash, <c>\n</c> for a line break.</summary>
internal static class GiftText
{
    private const string Specials = "~=#{}:";

    /// <summary>True when the character at <paramref name="index"/> is preceded by an odd number of backslashes.</summary>
    public static bool IsEscaped(string text, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    public static int IndexOfUnescaped(string text, char c, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] == c && !IsEscaped(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    public static int IndexOfUnescaped(string text, string token, int start, int end)
    {
        for (var i = start; i <= end - token.Length; i++)
        {
            if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0 && !IsEscaped(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    public static int LastIndexOfUnescaped(string text, string token, int start, int end)
    {
        for (var i = end - token.Length; i >= start; i--)
        {
            if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0 && !IsEscaped(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    public static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (Specials.Contains(next, StringComparison.Ordinal) || next == '\\')
                {
                    result.Append(next);
                    i++;
                    continue;
                }

                if (next == 'n')
                {
                    result.Append('\n');
                    i++;
                    continue;
                }
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>Text made safe to write inside GIFT: specials and backslashes escaped, line breaks as <c>\n</c>.</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == '\n')
            {
                result.Append("\\n");
            }
            else if (c == '\\' || Specials.Contains(c, StringComparison.Ordinal))
            {
                result.Append('\\').Append(c);
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
