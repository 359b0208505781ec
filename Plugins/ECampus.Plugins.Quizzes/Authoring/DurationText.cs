using System.Globalization;
using System.Text.RegularExpressions;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Reads durations such as <c>20m</c>, <c>1h30m</c>, <c>14d</c>, <c>2w</c>, <c>45s</c>.</summary>
internal static partial class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = Duration().Match(text.Trim());
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        duration = TimeSpan.FromDays(7 * Read(match, "w")) + TimeSpan.FromDays(Read(match, "d"))
            + TimeSpan.FromHours(Read(match, "h")) + TimeSpan.FromMinutes(Read(match, "m")) + TimeSpan.FromSeconds(Read(match, "s"));
        return true;
    }

    private static int Read(Match match, string unit) =>
        match.Groups[unit].Success ? int.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<w>\d{1,4})\s*w\s*)?(?:(?<d>\d{1,5})\s*d\s*)?(?:(?<h>\d{1,6})\s*h\s*)?(?:(?<m>\d{1,7})\s*(?:min|m)\s*)?(?:(?<s>\d{1,8})\s*s)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Duration();
}
