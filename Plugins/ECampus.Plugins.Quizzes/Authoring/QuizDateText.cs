using System.Globalization;
using System.Text.RegularExpressions;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// Reads <c>opens</c> and <c>closes</c>: <c>2026-09-07</c>, <c>2026-09-07 18:00</c>, <c>2026-09-07T18:00:00+02:00</c>,
/// <c>start</c>, <c>start + 14d</c>, <c>start - 2h</c>. A bare date that closes a quiz means the end of that day.
/// </summary>
internal static partial class QuizDateText
{
    private static readonly string[] LocalFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    public static bool TryParse(string text, bool closing, out QuizDate date)
    {
        date = new QuizDate();
        var trimmed = text.Trim();
        var relative = Relative().Match(trimmed);
        if (relative.Success)
        {
            if (!relative.Groups["offset"].Success)
            {
                date = QuizDate.FromStart(TimeSpan.Zero);
                return true;
            }

            if (!DurationText.TryParse(relative.Groups["offset"].Value, out var offset))
            {
                return false;
            }

            date = QuizDate.FromStart(relative.Groups["sign"].Value == "-" ? -offset : offset);
            return true;
        }

        if (WithOffset().IsMatch(trimmed))
        {
            if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
            {
                return false;
            }

            date = QuizDate.At(moment);
            return true;
        }

        if (!DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        var dateOnly = trimmed.Length == "yyyy-MM-dd".Length;
        date = QuizDate.AtLocal(closing && dateOnly ? local.AddDays(1) : local);
        return true;
    }

    [GeneratedRegex(@"^start(?:\s*(?<sign>[+-])\s*(?<offset>.+))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();
}
