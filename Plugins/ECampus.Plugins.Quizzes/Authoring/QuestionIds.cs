using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// Ids of questions, options and items. Explicit ids follow the pack rule (lower-case letters, digits,
/// dashes); a derived question id is a slug of the question text, so moving a question keeps its id.
/// </summary>
internal static partial class QuestionIds
{
    public const int MaxLength = 64;

    private const int MaxDerivedLength = 48;

    public static bool IsValid(string id) => id.Length <= MaxLength && IdPattern().IsMatch(id);

    /// <summary>A slug of the text: accents dropped, lower case, words joined by dashes; empty when no letter or digit is left.</summary>
    public static string Slug(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var dash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (dash && slug.Length > 0)
                {
                    slug.Append('-');
                }

                slug.Append(lower);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        var result = slug.ToString();
        if (result.Length <= MaxDerivedLength)
        {
            return result;
        }

        var cut = result.LastIndexOf('-', MaxDerivedLength);
        return cut > 0 ? result[..cut] : result[..MaxDerivedLength];
    }

    /// <summary><c>a</c>, <c>b</c>, ... <c>z</c>, <c>aa</c>, <c>ab</c>, ... for the option at <paramref name="index"/>.</summary>
    public static string Letter(int index)
    {
        var letters = new StringBuilder();
        index++;
        while (index > 0)
        {
            index--;
            letters.Insert(0, (char)('a' + (index % 26)));
            index /= 26;
        }

        return letters.ToString();
    }

    /// <summary>An ordering item's id: from its text, never its position, so the id cannot give the order away.</summary>
    public static string ForOrderItem(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim().Normalize(NormalizationForm.FormC)));
        return "i" + Convert.ToHexStringLower(hash, 0, 4);
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
