using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Reads a quiz's YAML front matter into its id, title and settings, reporting at real file lines.</summary>
internal sealed class FrontMatterReader
{
    private static readonly string[] Keys =
    [
        "id", "title", "type", "kind", "attempts", "time-limit", "pass-mark", "graded", "shuffle", "shuffle-questions",
        "shuffle-options", "opens", "closes", "show-score", "show-answers", "anonymous", "parallel-to",
    ];

    private static readonly string[] Kinds = ["check", "pre", "post", "survey"];

    private static readonly string[] Timings = ["immediately", "after-close", "never"];

    private readonly int _firstLine;
    private readonly ProblemList _problems;
    private readonly Dictionary<string, (string Value, SourcePosition At)> _values = new(StringComparer.Ordinal);

    private FrontMatterReader(int firstLine, ProblemList problems)
    {
        _firstLine = firstLine;
        _problems = problems;
    }

    /// <summary>Reads the front matter; <paramref name="yaml"/> is null when the file has none.</summary>
    public static QuizHeader Read(string? yaml, int firstLine, QuizSource source, ProblemList problems)
    {
        var reader = new FrontMatterReader(firstLine, problems);
        if (yaml is not null && reader.Load(yaml) is { } mapping)
        {
            reader.Collect(mapping);
        }

        return reader.Build(source);
    }

    private YamlMappingNode? Load(string yaml)
    {
        if (YamlNesting.TooDeep(yaml) is { } deep)
        {
            _problems.Error(new SourcePosition(deep.Line + _firstLine - 1, deep.Column), QuizProblemCodes.TooComplex,
                $"The front matter is nested more than {YamlNesting.MaxDepth} levels deep.", "Quiz settings are single values; remove the runaway brackets or indentation.");
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            _problems.Error(new SourcePosition((int)e.Start.Line + _firstLine - 1, (int)e.Start.Column), QuizProblemCodes.FrontMatter,
                $"The front matter is not valid YAML: {FirstSentence(e.Message)}",
                "Write one 'key: value' per line; quote values that contain ': ' or start with a special character.");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        if (stream.Documents[0].RootNode is YamlMappingNode mapping)
        {
            return mapping;
        }

        _problems.Error(At(stream.Documents[0].RootNode), QuizProblemCodes.FrontMatter, "The front matter is not a list of settings.",
            "Write one 'key: value' per line, e.g. 'title: Final quiz'.");
        return null;
    }

    private void Collect(YamlMappingNode mapping)
    {
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(key))
            {
                _problems.Warning(At(keyNode), QuizProblemCodes.UnknownSetting, $"Unknown quiz setting '{key}'; it is ignored.",
                    Suggestions.Closest(key, Keys) is { } match ? $"Did you mean '{match}'?" : $"Quiz settings are: {string.Join(", ", Keys)}.");
                continue;
            }

            if (valueNode is not YamlScalarNode scalar)
            {
                _problems.Error(At(valueNode), QuizProblemCodes.InvalidSetting, $"'{key}' must be a single value, not a list or a mapping.",
                    $"Write '{key}: value' on one line.");
                continue;
            }

            _values[key] = (scalar.Value ?? "", At(valueNode));
        }
    }

    private QuizHeader Build(QuizSource source)
    {
        var id = Text("id");
        if (id is not null && !QuestionIds.IsValid(id))
        {
            Invalid("id", $"The quiz id '{id}' is not valid.", "Use lower-case letters, digits and dashes, e.g. 'final-quiz'.");
            id = null;
        }

        var anonymous = Bool("anonymous");
        var kind = Choice("kind", Kinds) switch
        {
            "pre" => QuizKind.Pre,
            "post" => QuizKind.Post,
            "survey" => QuizKind.Survey,
            "check" => QuizKind.Check,
            _ => source.DefaultKind ?? (anonymous == true ? QuizKind.Survey : QuizKind.Check),
        };
        var survey = kind == QuizKind.Survey;
        if (anonymous == true && !survey)
        {
            _problems.Error(_values["anonymous"].At, QuizProblemCodes.AnonymousNotSurvey,
                $"A {kind.ToString().ToLowerInvariant()} quiz cannot be anonymous: its scores belong to learners.",
                "Remove 'anonymous', or set 'kind: survey'.");
        }

        var passMark = PassMark();
        var graded = Bool("graded");
        if (survey && passMark is not null)
        {
            IgnoredInSurvey("pass-mark");
            passMark = null;
        }

        if (survey && graded == true)
        {
            IgnoredInSurvey("graded");
        }

        var shuffle = Bool("shuffle");
        var defaults = ReviewPolicy.DefaultFor(kind);
        var settings = new QuizSettings
        {
            Kind = kind,
            Attempts = Attempts(),
            TimeLimit = TimeLimit(),
            PassMark = passMark,
            Graded = !survey && (graded ?? true),
            ShuffleQuestions = Bool("shuffle-questions") ?? shuffle ?? false,
            ShuffleOptions = Bool("shuffle-options") ?? shuffle ?? false,
            Opens = Date("opens", closing: false),
            Closes = Date("closes", closing: true),
            Review = new ReviewPolicy(Timing("show-score") ?? defaults.Score, Timing("show-answers") ?? defaults.CorrectAnswers),
            Anonymous = anonymous ?? false,
            ParallelTo = Text("parallel-to"),
        };
        if (settings is { Opens: { } opens, Closes: { } closes } && QuizDate.CompareKnown(opens, closes) >= 0)
        {
            _problems.Error(_values["closes"].At, QuizProblemCodes.OpensAfterCloses,
                $"The quiz closes ({_values["closes"].Value}) before or when it opens ({_values["opens"].Value}).",
                "Make 'closes' later than 'opens'.");
        }

        return new QuizHeader(id, Text("title"), settings);
    }

    private string? Text(string key) => _values.TryGetValue(key, out var value) && value.Value.Trim().Length > 0 ? value.Value.Trim() : null;

    private bool? Bool(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Invalid(key, $"'{key}' must be true or false, not '{text}'.", $"Write '{key}: true' or '{key}: false'.");
                return null;
        }
    }

    private string? Choice(string key, string[] allowed)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        var lowered = text.ToLowerInvariant();
        if (allowed.Contains(lowered))
        {
            return lowered;
        }

        Invalid(key, $"'{key}' cannot be '{text}'.", Suggestions.Hint(text, allowed));
        return null;
    }

    private ReviewTiming? Timing(string key) => Choice(key, Timings) switch
    {
        "immediately" => ReviewTiming.Immediately,
        "after-close" => ReviewTiming.AfterClose,
        "never" => ReviewTiming.Never,
        _ => null,
    };

    private int? Attempts()
    {
        if (Text("attempts") is not { } text || text.Equals("unlimited", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) && attempts >= 1)
        {
            return attempts;
        }

        Invalid("attempts", $"'attempts' must be a whole number from 1, or 'unlimited', not '{text}'.", "Write e.g. 'attempts: 3'.");
        return null;
    }

    private TimeSpan? TimeLimit()
    {
        if (Text("time-limit") is not { } text)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var limit) && limit > TimeSpan.Zero)
        {
            return limit;
        }

        Invalid("time-limit", $"'time-limit' must be a duration with its unit, not '{text}'.", "Write e.g. 'time-limit: 20m' or '1h30m'.");
        return null;
    }

    private decimal? PassMark()
    {
        if (Text("pass-mark") is not { } text)
        {
            return null;
        }

        if (!NumberText.TryParse(text.TrimEnd('%'), out var mark))
        {
            Invalid("pass-mark", $"'pass-mark' must be a percentage, not '{text}'.", "Write e.g. 'pass-mark: 60'.");
            return null;
        }

        if (mark is < 0 or > 100)
        {
            _problems.Error(_values["pass-mark"].At, QuizProblemCodes.PassMarkRange,
                $"The pass mark {text} is outside 0–100.", "Write the percentage needed to pass, e.g. 'pass-mark: 60'.");
            return null;
        }

        return mark;
    }

    private QuizDate? Date(string key, bool closing)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (QuizDateText.TryParse(text, closing, out var date))
        {
            return date;
        }

        Invalid(key, $"'{key}' is not a date or a time after the start: '{text}'.",
            $"Write e.g. '{key}: 2026-09-07', '{key}: 2026-09-07 18:00' or '{key}: start + 14d'.");
        return null;
    }

    private void IgnoredInSurvey(string key) =>
        _problems.Warning(_values[key].At, QuizProblemCodes.IgnoredInSurvey, $"A survey has no score, so '{key}' is ignored.",
            $"Remove '{key}', or set another 'kind' if answers are right or wrong.");

    private void Invalid(string key, string message, string hint) =>
        _problems.Error(_values[key].At, QuizProblemCodes.InvalidSetting, message, hint);

    private SourcePosition At(YamlNode node) => new((int)node.Start.Line + _firstLine - 1, (int)node.Start.Column);

    private static string FirstSentence(string message)
    {
        var cleaned = message.Contains("): ", StringComparison.Ordinal) ? message[(message.IndexOf("): ", StringComparison.Ordinal) + 3)..] : message;
        return cleaned.TrimEnd('.') + ".";
    }
}
