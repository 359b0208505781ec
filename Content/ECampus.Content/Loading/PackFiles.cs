using System.Text.RegularExpressions;

namespace ECampus.Content.Loading;

/// <summary>Names and patterns of the pack layout.</summary>
internal static partial class PackFiles
{
    public const string Manifest = "pack.yml";

    public const string AssetsFolder = "assets";

    public const int MaxIdLength = 64;

    /// <summary>Ids: lower-case ASCII letters and digits in dash-separated words, e.g. <c>week-1</c>.</summary>
    public static bool IsValidId(string id) => id.Length <= MaxIdLength && IdPattern().IsMatch(id);

    /// <summary>Language codes such as <c>fr</c>, <c>es</c>, <c>pt-br</c>.</summary>
    public static bool IsLanguageCode(string code) => LanguagePattern().IsMatch(code);

    /// <summary>A folder name that looks like a two-letter language code (used to spot undeclared translations).</summary>
    public static bool LooksLikeLanguage(string name) => LikelyLanguagePattern().IsMatch(name);

    /// <summary>
    /// The id a file name gives when front matter has none: lower-cased, without extension and without a
    /// leading number ("01-", "2_"), so renumbering files to reorder them keeps every id.
    /// </summary>
    public static string DeriveId(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        stem = NumberPrefix().Replace(stem, "");
        return Separators().Replace(stem, "-").Trim('-');
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[a-z]{2}(?:-[a-z0-9]{2,8})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LikelyLanguagePattern();

    [GeneratedRegex(@"^\d+[-_. ]+", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"[\s_.]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
