namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>The few words the quiz language knows in each site language (EN, FR, ES).</summary>
internal static class LanguageWords
{
    private static readonly Dictionary<string, (string True, string False)> TrueFalse = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ("True", "False"),
        ["fr"] = ("Vrai", "Faux"),
        ["es"] = ("Verdadero", "Falso"),
    };

    private static readonly Dictionary<string, string[]> Agreement = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
        ["fr"] = ["Pas du tout d'accord", "Pas d'accord", "Ni d'accord ni pas d'accord", "D'accord", "Tout à fait d'accord"],
        ["es"] = ["Totalmente en desacuerdo", "En desacuerdo", "Ni de acuerdo ni en desacuerdo", "De acuerdo", "Totalmente de acuerdo"],
    };

    private static readonly HashSet<string> TrueWords = new(StringComparer.OrdinalIgnoreCase) { "true", "t", "vrai", "verdadero", "v" };

    private static readonly HashSet<string> FalseWords = new(StringComparer.OrdinalIgnoreCase) { "false", "f", "faux", "falso" };

    /// <summary>The words Answer(s) introducing an answer list, in each language.</summary>
    public static IReadOnlyList<string> AnswerWords { get; } = ["answer", "answers", "réponse", "réponses", "respuesta", "respuestas"];

    public static (string True, string False) TrueFalseLabels(string language) =>
        TrueFalse.TryGetValue(BaseLanguage(language), out var labels) ? labels : TrueFalse["en"];

    /// <summary>Labels of an n-point scale: the agreement scale for 5 points, else the numbers.</summary>
    public static IReadOnlyList<string> ScaleLabels(string language, int points) =>
        points == 5
            ? Agreement.TryGetValue(BaseLanguage(language), out var labels) ? labels : Agreement["en"]
            : Enumerable.Range(1, points).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>True, false, or null when the text is neither word.</summary>
    public static bool? ReadTruth(string text)
    {
        var word = text.Trim().TrimEnd('.');
        return TrueWords.Contains(word) ? true : FalseWords.Contains(word) ? false : null;
    }

    private static string BaseLanguage(string language) => language.Split('-')[0];
}
