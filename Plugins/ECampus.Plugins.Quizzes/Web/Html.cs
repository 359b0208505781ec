using System.Globalization;
using System.Net;

namespace ECampus.Plugins.Quizzes.Web;

/// <summary>Small helpers for building encoded HTML by hand.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Time(DateTimeOffset moment) =>
        $"<time datetime=\"{moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)}\">{E(Attempts.StartAttempt.Moment(moment))}</time>";

    public static string Number(decimal? value, string suffix = "") =>
        value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + suffix : "–";

    /// <summary>Question and option text is written in Markdown; shown as plain text, paragraph by paragraph.</summary>
    public static string Text(string text) =>
        string.Concat(text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"<p>{E(p)}</p>"));

    public static string Id(string value) => string.Concat(value.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}
