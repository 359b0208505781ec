using System.Globalization;
using System.Text.RegularExpressions;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Reads a weight written before an option or answer: <c>(50%)</c>, <c>(-25%)</c>, <c>(33.3%)</c>.</summary>
internal static partial class WeightText
{
    /// <summary>
    /// Splits a leading weight off <paramref name="text"/>. Returns false (with <paramref name="error"/>) when the text
    /// starts with something that looks like a weight but is not a valid one.
    /// </summary>
    public static bool TryTake(string text, out decimal? weight, out string rest, out string? error)
    {
        weight = null;
        rest = text;
        error = null;
        var match = Weight().Match(text);
        if (!match.Success)
        {
            if (LooksLikeWeight().IsMatch(text))
            {
                error = $"'{LooksLikeWeight().Match(text).Value}' is not a weight.";
                return false;
            }

            return true;
        }

        var number = decimal.Parse(match.Groups["number"].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (match.Groups["sign"].Value is "-" or "−")
        {
            number = -number;
        }

        if (number is < -100 or > 100)
        {
            error = $"The weight {number.ToString(CultureInfo.InvariantCulture)}% is outside -100% to 100%.";
            return false;
        }

        weight = Decimals.Normalise(number);
        rest = text[match.Length..];
        return true;
    }

    [GeneratedRegex(@"^\(\s*(?<sign>[+\-−]?)\s*(?<number>\d+(?:[.,]\d+)?)\s*%\s*\)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Weight();

    [GeneratedRegex(@"^\([^)\n]{0,20}%[^)\n]{0,5}\)", RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeWeight();
}
