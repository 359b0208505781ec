using System.Text.RegularExpressions;

namespace ECampus.Content.Rendering;

/// <summary>
/// The URL scheme allow-list for links and images: http, https, mailto and relative references.
/// Checks the URL the way a browser reads it: tabs and newlines removed, leading and trailing
/// control characters and spaces ignored, scheme case-insensitive (Markdig has already decoded entities).
/// </summary>
internal static partial class UrlPolicy
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>The URL as a browser's URL parser sees it.</summary>
    public static string Normalize(string url)
    {
        var trimmed = url.AsSpan().Trim("\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F ");
        return trimmed.ContainsAny('\t', '\n', '\r')
            ? trimmed.ToString().Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
            : trimmed.ToString();
    }

    /// <summary>The lower-case scheme, or null for a relative reference.</summary>
    public static string? SchemeOf(string normalized)
    {
        var match = SchemePattern().Match(normalized);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    public static bool IsAllowedScheme(string scheme) => AllowedSchemes.Contains(scheme);

    /// <summary>
    /// True when the URL may appear in an href or src: an allowed scheme, or a relative reference that stays
    /// on this site (no network-path "//host" and no backslashes, which browsers treat as slashes).
    /// </summary>
    public static bool IsAllowed(string url)
    {
        var normalized = Normalize(url);
        if (normalized.Contains('\\', StringComparison.Ordinal) || normalized.StartsWith("//", StringComparison.Ordinal))
        {
            return false;
        }

        if (normalized.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0)
        {
            return false;
        }

        return SchemeOf(normalized) is not { } scheme || IsAllowedScheme(scheme);
    }

    /// <summary>True for a relative reference that a pack may rewrite (not a fragment, not a scheme, not network-path).</summary>
    public static bool IsRewritable(string url)
    {
        var normalized = Normalize(url);
        return normalized.Length > 0 && normalized[0] != '#' && SchemeOf(normalized) is null
            && !normalized.StartsWith("//", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]*):", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();
}
