using System.Globalization;
using System.Text.RegularExpressions;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// The <c>{#id type=... points=...}</c> at the end of a question heading. A trailing <c>{...}</c> counts as
/// attributes only when it starts with <c>#</c>, holds a <c>=</c> or is a known flag; otherwise it is heading text.
/// </summary>
internal sealed partial record HeadingAttributes
{
    private static readonly string[] Names = ["type", "points", "case-sensitive", "scale"];

    private static readonly Dictionary<string, QuestionType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["single"] = QuestionType.SingleChoice,
        ["single-choice"] = QuestionType.SingleChoice,
        ["multiple"] = QuestionType.MultipleChoice,
        ["multiple-choice"] = QuestionType.MultipleChoice,
        ["true-false"] = QuestionType.TrueFalse,
        ["short"] = QuestionType.ShortAnswer,
        ["short-answer"] = QuestionType.ShortAnswer,
        ["numeric"] = QuestionType.Numeric,
        ["matching"] = QuestionType.Matching,
        ["ordering"] = QuestionType.Ordering,
        ["essay"] = QuestionType.Essay,
        ["likert"] = QuestionType.Likert,
        ["poll"] = QuestionType.Poll,
        ["free-text"] = QuestionType.FreeText,
        ["description"] = QuestionType.Description,
    };

    public string Text { get; init; } = "";

    public string? Id { get; init; }

    public SourcePosition IdAt { get; init; }

    public QuestionType? Type { get; init; }

    public decimal? Points { get; init; }

    public bool CaseSensitive { get; init; }

    public int? Scale { get; init; }

    public SourcePosition ScaleAt { get; init; }

    /// <summary>Splits the attributes off a heading's text; <paramref name="at"/> is where the text starts in the file.</summary>
    public static HeadingAttributes Parse(string heading, SourcePosition at, ProblemList problems)
    {
        var match = Trailing().Match(heading);
        if (!match.Success || (match.Index > 0 && heading[match.Index - 1] == '\\'))
        {
            return new HeadingAttributes { Text = heading.Trim() };
        }

        var inner = match.Groups["inner"];
        var tokens = Token().Matches(inner.Value).ToArray();
        if (tokens.Length == 0 || !tokens.Any(LooksLikeAttribute))
        {
            return new HeadingAttributes { Text = heading.Trim() };
        }

        var attributes = new HeadingAttributes { Text = heading[..match.Index].Trim() };
        foreach (var token in tokens)
        {
            attributes = attributes.Apply(token, at.Right(inner.Index + token.Index), problems);
        }

        return attributes;
    }

    private static bool LooksLikeAttribute(Match token) =>
        token.Value.StartsWith('#') || token.Groups["value"].Success || Names.Contains(token.Groups["name"].Value, StringComparer.OrdinalIgnoreCase);

    private HeadingAttributes Apply(Match token, SourcePosition at, ProblemList problems)
    {
        if (token.Value.StartsWith('#'))
        {
            return this with { Id = token.Value[1..], IdAt = at };
        }

        var name = token.Groups["name"].Value.ToLowerInvariant();
        var value = token.Groups["value"].Success ? token.Groups["value"].Value.Trim('"') : null;
        switch (name)
        {
            case "type" when value is not null:
                if (Types.TryGetValue(value, out var type))
                {
                    return this with { Type = type };
                }

                problems.Error(at, QuizProblemCodes.UnknownType, $"Unknown question type '{value}'.", Suggestions.Hint(value, Types.Keys));
                return this;
            case "points" when value is not null:
                if (NumberText.TryParse(value, out var points) && points is > 0 and <= 1000)
                {
                    return this with { Points = points };
                }

                problems.Error(at, QuizProblemCodes.BadAttribute, $"'points={value}' is not a number of points from above 0 to 1000.",
                    "Write e.g. 'points=2' or 'points=0.5'.");
                return this;
            case "scale" when value is not null:
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var scale))
                {
                    return this with { Scale = scale, ScaleAt = at };
                }

                problems.Error(at, QuizProblemCodes.BadAttribute, $"'scale={value}' is not a whole number.", "Write e.g. 'scale=5'.");
                return this;
            case "case-sensitive" when value is null or "true" or "false":
                return this with { CaseSensitive = value != "false" };
            default:
                problems.Error(at, QuizProblemCodes.BadAttribute, $"'{token.Value}' is not a question attribute.",
                    Suggestions.Closest(name, Names) is { } close && close != name
                        ? $"Did you mean '{close}'?"
                        : "Attributes are '#id', 'type=...', 'points=...', 'scale=...' and 'case-sensitive'.");
                return this;
        }
    }

    [GeneratedRegex(@"\{(?<inner>[^{}]*)\}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Trailing();

    [GeneratedRegex(@"#[^\s]+|(?<name>[^\s=]+)(?:=(?<value>""[^""]*""|[^\s]*))?", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
