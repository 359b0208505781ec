using System.Text;
using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Grading;

/// <summary>How typed answers are read: whitespace normalised, numbers with a decimal point or a single decimal comma.</summary>
public static class AnswerText
{
    /// <summary>Trimmed, every run of whitespace made one space, Unicode composed (so "é" typed either way is the same).</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC).Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                normalised.Append(' ');
                space = false;
            }

            normalised.Append(c);
        }

        return normalised.ToString();
    }

    /// <summary>Reads a typed number: <c>3.14</c>, or <c>3,14</c> as learners in French or Spanish write it. No thousands separators.</summary>
    public static bool TryReadNumber(string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Count(c => c == ',') == 1 && !trimmed.Contains('.', StringComparison.Ordinal))
        {
            trimmed = trimmed.Replace(',', '.');
        }

        return NumberText.TryParse(trimmed, out value);
    }
}
