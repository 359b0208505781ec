using System.Globalization;
using System.Text.RegularExpressions;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// Reads numbers and accepted numeric answers: <c>42</c>, <c>42 ± 0.5</c>, <c>42 +- 0.5</c>, <c>42:0.5</c> (GIFT)
/// and <c>40..45</c>. Numbers use a decimal point; they are decimals, so tolerance boundaries are exact.
/// </summary>
internal static partial class NumberText
{
    private static readonly string[] MarkdownSeparators = ["±", "+-", "+/-"];

    private static readonly string[] GiftSeparators = [":"];

    public static bool TryParse(string text, out decimal value)
    {
        var trimmed = text.Trim().Replace('−', '-');
        value = 0;
        if (trimmed.Length == 0 || trimmed.Contains(',', StringComparison.Ordinal)
            || !decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = Decimals.Normalise(parsed);
        return true;
    }

    /// <summary>Reads an accepted answer; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParseRange(string text, decimal weight, string? feedback, out NumericRange range, out string error) =>
        TryParseRange(text, MarkdownSeparators, weight, feedback, out range, out error);

    /// <summary>Reads a GIFT numeric answer (<c>value:tolerance</c> or <c>min..max</c>).</summary>
    public static bool TryParseGiftRange(string text, decimal weight, string? feedback, out NumericRange range, out string error) =>
        TryParseRange(text, GiftSeparators, weight, feedback, out range, out error);

    private static bool TryParseRange(string text, string[] separators, decimal weight, string? feedback, out NumericRange range, out string error)
    {
        range = new NumericRange(0, 0);
        error = "";
        var trimmed = text.Trim();
        foreach (var separator in separators)
        {
            var at = trimmed.IndexOf(separator, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            if (!TryParse(trimmed[..at], out var value))
            {
                error = $"'{trimmed[..at].Trim()}' is not a number.";
                return false;
            }

            if (!TryParse(trimmed[(at + separator.Length)..], out var tolerance))
            {
                error = $"The tolerance '{trimmed[(at + separator.Length)..].Trim()}' is not a number.";
                return false;
            }

            if (tolerance < 0)
            {
                error = $"The tolerance {tolerance.ToString(CultureInfo.InvariantCulture)} is negative.";
                return false;
            }

            var around = NumericRange.Around(value, tolerance, weight, feedback);
            range = around with { Min = Decimals.Normalise(around.Min), Max = Decimals.Normalise(around.Max) };
            return true;
        }

        var dots = trimmed.IndexOf("..", StringComparison.Ordinal);
        if (dots >= 0)
        {
            if (!TryParse(trimmed[..dots], out var min) || !TryParse(trimmed[(dots + 2)..], out var max))
            {
                error = $"'{trimmed}' is not a range of two numbers.";
                return false;
            }

            if (min > max)
            {
                error = $"The range {trimmed} starts above its end.";
                return false;
            }

            range = new NumericRange(min, max, weight, feedback);
            return true;
        }

        if (!TryParse(trimmed, out var exact))
        {
            error = $"'{trimmed}' is not a number.";
            return false;
        }

        range = new NumericRange(exact, exact, weight, feedback);
        return true;
    }

    /// <summary>
    /// True when the text is made of digits and number punctuation only, so a list of such answers is numeric
    /// (and a malformed one is reported rather than silently becoming a short answer).
    /// </summary>
    public static bool LooksNumeric(string text) => NumericLooking().IsMatch(text);

    [GeneratedRegex(@"^\s*[+\-−]?\s*\d[\d\s.,±+\-−/eE]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericLooking();
}
