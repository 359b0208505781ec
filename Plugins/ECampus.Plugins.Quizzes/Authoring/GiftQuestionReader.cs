using System.Globalization;
using System.Text.RegularExpressions;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// Reads Moodle GIFT as Moodle's importer does (questions separated by blank lines, <c>//</c> comments,
/// <c>$CATEGORY:</c>, <c>::title::</c>, <c>[format]</c>, one <c>{...}</c> answer block typed by its content),
/// but reports every problem at its file line and column instead of skipping the question.
/// </summary>
internal sealed partial class GiftQuestionReader
{
    private readonly GiftChunk _chunk;
    private readonly string _language;
    private readonly string? _category;
    private readonly ProblemList _problems;

    private GiftQuestionReader(GiftChunk chunk, string language, string? category, ProblemList problems)
    {
        _chunk = chunk;
        _language = language;
        _category = category;
        _problems = problems;
    }

    private string Source => _chunk.Text;

    /// <summary>Reads GIFT text whose first line is file line <paramref name="firstLine"/>, indented by <paramref name="column"/>.</summary>
    public static List<(Question Question, SourcePosition At)> Read(string text, int firstLine, int column, string language, ProblemList problems)
    {
        var questions = new List<(Question, SourcePosition)>();
        string? category = null;
        foreach (var chunk in Chunks(text, firstLine, column))
        {
            var trimmed = chunk.Text.Trim();
            if (trimmed.StartsWith("$CATEGORY:", StringComparison.Ordinal))
            {
                category = trimmed["$CATEGORY:".Length..].Trim();
                continue;
            }

            var before = problems.Count;
            var question = new GiftQuestionReader(chunk, language, category, problems).Read();
            if (question is not null && !problems.ErrorsSince(before))
            {
                questions.Add((question, chunk.PositionOf(chunk.Text.Length - chunk.Text.TrimStart().Length)));
            }
        }

        return questions;
    }

    private static IEnumerable<GiftChunk> Chunks(string text, int firstLine, int column)
    {
        var lines = new List<(int, string)>();
        string? explicitId = null;
        var number = firstLine;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                if (IdInComment().Match(trimmed) is { Success: true } id)
                {
                    explicitId = id.Groups["id"].Value.Trim();
                }
            }
            else if (trimmed.Length == 0)
            {
                if (lines.Count > 0)
                {
                    yield return new GiftChunk(lines, column, explicitId);
                    (lines, explicitId) = ([], null);
                }
            }
            else
            {
                lines.Add((number, line));
            }

            number++;
        }

        if (lines.Count > 0)
        {
            yield return new GiftChunk(lines, column, explicitId);
        }
    }

    private Question? Read()
    {
        var position = Source.Length - Source.TrimStart().Length;
        string? title = null;
        if (string.CompareOrdinal(Source, position, "::", 0, 2) == 0)
        {
            var end = GiftText.IndexOfUnescaped(Source, "::", position + 2, Source.Length);
            if (end < 0)
            {
                Error(position, QuizProblemCodes.UnclosedTitle, "The title opened with '::' is never closed.", "Close the title with '::', e.g. '::Q1:: Question text {...}'.");
                return null;
            }

            title = GiftText.Unescape(Source[(position + 2)..end]).Trim();
            position = end + 2;
        }

        var open = GiftText.IndexOfUnescaped(Source, '{', position, Source.Length);
        var close = GiftText.IndexOfUnescaped(Source, '}', position, Source.Length);
        if (open < 0 && close < 0)
        {
            return Describe(title, position);
        }

        if (open < 0 || (close >= 0 && close < open))
        {
            Error(close, QuizProblemCodes.UnbalancedBraces, "This '}' closes no answer block.", "Add the missing '{', or write '\\}' for a literal brace.");
            return null;
        }

        if (close < 0)
        {
            Error(open, QuizProblemCodes.UnbalancedBraces, "The answer block opened here is never closed.", "Close the answers with '}'.");
            return null;
        }

        var nested = GiftText.IndexOfUnescaped(Source, '{', open + 1, close);
        if (nested >= 0)
        {
            Error(nested, QuizProblemCodes.UnbalancedBraces, "A '{' inside the answer block.", "Close the first block with '}', or write '\\{' for a literal brace.");
            return null;
        }

        var another = new[] { GiftText.IndexOfUnescaped(Source, '{', close + 1, Source.Length), GiftText.IndexOfUnescaped(Source, '}', close + 1, Source.Length) }
            .Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (another >= 0)
        {
            Error(another, QuizProblemCodes.SeveralAnswerBlocks, "A GIFT question has one answer block; this is a second one.",
                "Split it into two questions, separated by a blank line, or escape the braces as '\\{' and '\\}'.");
            return null;
        }

        var (format, textStart) = Format(position, open);
        var after = Source[(close + 1)..];
        var text = GiftText.Unescape(after.Trim().Length == 0 ? Source[textStart..open] : Source[textStart..open] + "_____" + after).Trim();
        if (text.Length == 0)
        {
            Error(open, QuizProblemCodes.EmptyText, "The question has no text.", "Write the question before the '{'.");
            return null;
        }

        var id = Id(title, text, position);
        if (id is null)
        {
            return null;
        }

        var common = new Common(id, text, format, _category);
        return Answers(common, open + 1, close);
    }

    private Question? Describe(string? title, int position)
    {
        var (format, textStart) = Format(position, Source.Length);
        var text = GiftText.Unescape(Source[textStart..]).Trim();
        if (text.Length == 0)
        {
            Error(position, QuizProblemCodes.EmptyText, "The question has no text.", "Write the text after the title.");
            return null;
        }

        var id = Id(title, text, position);
        return id is null ? null : new DescriptionQuestion { Id = id, Text = text, Format = format, Points = 0, Category = _category };
    }

    private Question? Answers(Common common, int start, int end)
    {
        string? generalFeedback = null;
        var feedbackAt = GiftText.LastIndexOfUnescaped(Source, "####", start, end);
        if (feedbackAt >= 0)
        {
            generalFeedback = NullIfEmpty(GiftText.Unescape(Source[(feedbackAt + 4)..end]).Trim());
            end = feedbackAt;
        }

        common = common with { Feedback = generalFeedback };
        var content = Source[start..end];
        var trimmed = content.Trim();
        if (trimmed.Length == 0)
        {
            return common.Apply(new EssayQuestion { Id = common.Id, Text = common.Text });
        }

        var contentStart = start + (content.Length - content.TrimStart().Length);
        if (trimmed.StartsWith('#'))
        {
            return Numeric(common, contentStart + 1, end);
        }

        if (GiftText.IndexOfUnescaped(Source, '~', start, end) >= 0)
        {
            return MultipleChoice(common, start, end);
        }

        if (GiftText.IndexOfUnescaped(Source, '=', start, end) >= 0 && GiftText.IndexOfUnescaped(Source, "->", start, end) >= 0)
        {
            return Matching(common, start, end);
        }

        var hash = GiftText.IndexOfUnescaped(Source, '#', start, end);
        var truth = Source[start..(hash < 0 ? end : hash)].Trim().ToUpperInvariant();
        if (truth is "T" or "TRUE" or "F" or "FALSE")
        {
            return TrueFalse(common, truth.StartsWith('T'), hash < 0 ? null : Source[(hash + 1)..end]);
        }

        return ShortAnswer(common, start, end);
    }

    private ChoiceQuestion? MultipleChoice(Common common, int start, int end)
    {
        var parts = Parts(start, end);
        if (parts is null)
        {
            return null;
        }

        var multiple = !parts.Any(p => p.Marker == '=');
        var options = new List<ChoiceOption>();
        foreach (var part in parts)
        {
            var weight = part.Weight ?? (part.Marker == '=' ? 100 : 0);
            options.Add(new ChoiceOption(QuestionIds.Letter(options.Count), part.Text, weight, part.Feedback));
        }

        var at = _chunk.PositionOf(start);
        if (options.Count < 2)
        {
            _problems.Error(at, QuizProblemCodes.TooFewOptions, "A multiple-choice question needs at least two answers.", "Add a wrong answer with '~'.");
            return null;
        }

        if (!multiple && !options.Any(o => o.Weight == 100))
        {
            _problems.Error(at, QuizProblemCodes.NoCorrectOption, "No answer is worth the full points.", "Mark the right answer with '=' and no weight.");
            return null;
        }

        var total = options.Where(o => o.Weight > 0).Sum(o => o.Weight);
        if (multiple && !Decimals.NearlyEqual(total, 100))
        {
            _problems.Error(at, QuizProblemCodes.WeightsDoNotAddUp,
                $"With no '=' answer the question is multiple-answer, and its positive weights add up to {total.ToString("0.##", CultureInfo.InvariantCulture)}%, not 100%.",
                "Make the weights of the right answers add up to 100% (e.g. '~%50%A ~%50%B ~%-100%C'), or mark the single right answer with '='.");
            return null;
        }

        return common.Apply(new ChoiceQuestion { Id = common.Id, Text = common.Text, Multiple = multiple, Options = options });
    }

    private TrueFalseQuestion TrueFalse(Common common, bool answer, string? feedback)
    {
        var parts = feedback is null ? [] : SplitUnescaped(feedback, '#');
        var ifWrong = parts.Length > 0 ? NullIfEmpty(GiftText.Unescape(parts[0]).Trim()) : null;
        var ifRight = parts.Length > 1 ? NullIfEmpty(GiftText.Unescape(parts[1]).Trim()) : null;
        var (trueLabel, falseLabel) = LanguageWords.TrueFalseLabels(_language);
        return common.Apply(new TrueFalseQuestion
        {
            Id = common.Id,
            Text = common.Text,
            Answer = answer,
            TrueLabel = trueLabel,
            FalseLabel = falseLabel,
            FeedbackIfTrue = answer ? ifRight : ifWrong,
            FeedbackIfFalse = answer ? ifWrong : ifRight,
        });
    }

    private ShortAnswerQuestion? ShortAnswer(Common common, int start, int end)
    {
        var all = Parts(start, end);
        if (all is null)
        {
            return null;
        }

        // Moodle's '*' wildcard worth 0% is its way to give feedback on any other answer.
        var otherwise = all.FirstOrDefault(p => p is { Text: "*", Weight: 0 });
        var parts = all.Where(p => p != otherwise).ToList();
        var fine = true;
        foreach (var part in parts.Where(p => p.Weight <= 0))
        {
            Error(part.At, QuizProblemCodes.BadWeight, "An accepted answer must earn something; it cannot count 0% or less.", "Give it a weight from 1% to 100%, or remove it.");
            fine = false;
        }

        if (fine && !parts.Any(p => (p.Weight ?? 100) == 100))
        {
            Error(start, QuizProblemCodes.NoCorrectOption, "No answer is worth the full points.", "Remove the weight of the best answer.");
            fine = false;
        }

        return fine
            ? common.Apply(new ShortAnswerQuestion
            {
                Id = common.Id,
                Text = common.Text,
                OtherwiseFeedback = otherwise?.Feedback,
                Answers = parts.Select(p => new AcceptedAnswer(p.Text, p.Weight ?? 100, p.Feedback)).ToArray(),
            })
            : null;
    }

    private MatchingQuestion? Matching(Common common, int start, int end)
    {
        var parts = Parts(start, end);
        if (parts is null)
        {
            return null;
        }

        var pairs = new List<MatchPair>();
        foreach (var part in parts)
        {
            var raw = Source[part.TextStart..part.TextEnd];
            var arrow = raw.IndexOf("->", StringComparison.Ordinal);
            var prompt = arrow < 0 ? "" : GiftText.Unescape(raw[..arrow]).Trim();
            var match = arrow < 0 ? "" : GiftText.Unescape(raw[(arrow + 2)..]).Trim();
            if (prompt.Length == 0 || match.Length == 0)
            {
                Error(part.At, QuizProblemCodes.BadPair,
                    arrow < 0 ? $"'{raw.Trim()}' has no '->' between prompt and answer." : "A matching pair needs text on both sides of '->'.",
                    "Write each pair as '=prompt -> answer'.");
                continue;
            }

            pairs.Add(new MatchPair(QuestionIds.Letter(pairs.Count), StripFormat(prompt), StripFormat(match)));
        }

        if (pairs.Count < parts.Count)
        {
            return null;
        }

        if (pairs.Count < 2)
        {
            Error(start, QuizProblemCodes.TooFewPairs, "A matching question needs at least two pairs.", "Add another '=prompt -> answer'.");
            return null;
        }

        return common.Apply(new MatchingQuestion { Id = common.Id, Text = common.Text, Pairs = pairs });
    }

    private NumericQuestion? Numeric(Common common, int start, int end)
    {
        var answers = new List<NumericRange>();
        string? otherwise = null;
        if (GiftText.IndexOfUnescaped(Source, '=', start, end) >= 0)
        {
            var parts = Parts(start, end);
            if (parts is null)
            {
                return null;
            }

            foreach (var part in parts)
            {
                if (part.Marker == '~')
                {
                    otherwise = part.Feedback;
                }
                else if (NumericAnswer(part.Text, part.Weight ?? 100, part.Feedback, part.At) is { } range)
                {
                    answers.Add(range);
                }
            }

            if (answers.Count < parts.Count(p => p.Marker == '='))
            {
                return null;
            }
        }
        else
        {
            var hash = GiftText.IndexOfUnescaped(Source, '#', start, end);
            var valueEnd = hash < 0 ? end : hash;
            var feedback = hash < 0 ? null : NullIfEmpty(GiftText.Unescape(Source[(hash + 1)..end]).Trim());
            var range = NumericAnswer(Source[start..valueEnd], 100, feedback, _chunk.PositionOf(start));
            if (range is null)
            {
                return null;
            }

            answers.Add(range);
        }

        if (answers.Count == 0)
        {
            Error(start, QuizProblemCodes.BadNumber, "The numeric question has no accepted number.", "Write e.g. '{#3.14:0.01}' or '{#=1919 =%50%1918:1}'.");
            return null;
        }

        if (!answers.Any(a => a.Weight == 100))
        {
            Error(start, QuizProblemCodes.NoCorrectOption, "No answer is worth the full points.", "Remove the weight of the best answer.");
            return null;
        }

        return common.Apply(new NumericQuestion { Id = common.Id, Text = common.Text, Answers = answers, OtherwiseFeedback = otherwise });
    }

    private NumericRange? NumericAnswer(string text, decimal weight, string? feedback, SourcePosition at)
    {
        if (weight <= 0)
        {
            _problems.Error(at, QuizProblemCodes.BadWeight, "An accepted number must earn something; it cannot count 0% or less.", "Give it a weight from 1% to 100%.");
            return null;
        }

        if (NumberText.TryParseGiftRange(GiftText.Unescape(text), weight, feedback, out var range, out var error))
        {
            return range;
        }

        _problems.Error(at, QuizProblemCodes.BadNumber, error, "Write a number ('3.14'), a tolerance ('3.14:0.01') or a range ('1..5').");
        return null;
    }

    /// <summary>The answers of a block, each starting at an unescaped '=' or '~', with weight and feedback split off.</summary>
    private List<GiftPart>? Parts(int start, int end)
    {
        var markers = new List<int>();
        for (var i = start; i < end; i++)
        {
            if (Source[i] is '=' or '~' && !GiftText.IsEscaped(Source, i))
            {
                markers.Add(i);
            }
        }

        var leading = Source[start..(markers.Count > 0 ? markers[0] : end)];
        if (leading.Trim().Length > 0)
        {
            Error(start + (leading.Length - leading.TrimStart().Length), QuizProblemCodes.AnswerWithoutMarker,
                $"'{leading.Trim()}' is not marked as a right or wrong answer.", "Start each answer with '=' (right) or '~' (wrong), e.g. '{=Geneva ~Paris}'.");
            return null;
        }

        var parts = new List<GiftPart>();
        var fine = true;
        for (var m = 0; m < markers.Count; m++)
        {
            var partEnd = m + 1 < markers.Count ? markers[m + 1] : end;
            var part = Part(Source[markers[m]], markers[m] + 1, partEnd);
            fine &= part is not null;
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        return fine ? parts : null;
    }

    private GiftPart? Part(char marker, int start, int end)
    {
        var textStart = start;
        decimal? weight = null;
        var weightMatch = Weight().Match(Source, start, end - start);
        if (Source[start..end].TrimStart().StartsWith('%'))
        {
            if (!weightMatch.Success)
            {
                Error(start, QuizProblemCodes.BadWeight, "The weight is not a percentage between two '%'.", "Write e.g. '~%50%answer' or '~%-100%answer'.");
                return null;
            }

            weight = Decimals.Normalise(decimal.Parse(weightMatch.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
            if (weight is < -100 or > 100)
            {
                Error(start, QuizProblemCodes.BadWeight, $"The weight {weightMatch.Value} is outside -100% to 100%.", "Use a weight from %-100% to %100%.");
                return null;
            }

            textStart = weightMatch.Index + weightMatch.Length;
        }

        var hash = GiftText.IndexOfUnescaped(Source, '#', textStart, end);
        var textEnd = hash < 0 ? end : hash;
        var text = StripFormat(GiftText.Unescape(Source[textStart..textEnd]).Trim());
        var feedback = hash < 0 ? null : NullIfEmpty(StripFormat(GiftText.Unescape(Source[(hash + 1)..end]).Trim()));
        var at = _chunk.PositionOf(start - 1);
        if (text.Length == 0 && !(marker == '~' && hash >= 0))
        {
            _problems.Error(at, QuizProblemCodes.EmptyText, $"The answer after '{marker}' has no text.", "Write the answer after the marker, or remove the marker.");
            return null;
        }

        return new GiftPart(marker, weight, text, feedback, at, textStart, textEnd);
    }

    private (TextFormat Format, int TextStart) Format(int position, int end)
    {
        var match = FormatTag().Match(Source, position, end - position);
        return match.Success
            ? (match.Groups["format"].Value.ToLowerInvariant() switch
            {
                "html" => TextFormat.Html,
                "plain" => TextFormat.Plain,
                "markdown" => TextFormat.Markdown,
                _ => TextFormat.Moodle,
            }, match.Index + match.Length)
            : (TextFormat.Moodle, position);
    }

    private string? Id(string? title, string text, int position)
    {
        if (_chunk.ExplicitId is { } explicitId)
        {
            if (QuestionIds.IsValid(explicitId))
            {
                return explicitId;
            }

            Error(position, QuizProblemCodes.InvalidQuestionId, $"The question id '{explicitId}' is not valid.", "Use lower-case letters, digits and dashes in '// [id:...]'.");
            return null;
        }

        var slug = QuestionIds.Slug(title is { Length: > 0 } ? title : text);
        if (slug.Length > 0)
        {
            return slug;
        }

        Error(position, QuizProblemCodes.InvalidQuestionId, "No id can be derived from this question.", "Give it a title ('::q1::') or a '// [id:q1]' comment line before it.");
        return null;
    }

    private void Error(int offset, string code, string message, string hint) => _problems.Error(_chunk.PositionOf(offset), code, message, hint);

    private void Error(SourcePosition at, string code, string message, string hint) => _problems.Error(at, code, message, hint);

    private static string StripFormat(string text) => FormatTag().Match(text) is { Success: true } tag ? text[tag.Length..].TrimStart() : text;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string[] SplitUnescaped(string text, char separator)
    {
        var parts = new List<string>();
        var from = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == separator && !GiftText.IsEscaped(text, i))
            {
                parts.Add(text[from..i]);
                from = i + 1;
            }
        }

        parts.Add(text[from..]);
        return parts.ToArray();
    }

    [GeneratedRegex(@"\G\s*%(?<number>-?\d+(?:\.\d+)?)%", RegexOptions.CultureInvariant)]
    private static partial Regex Weight();

    [GeneratedRegex(@"\G\s*\[(?<format>html|moodle|plain|markdown)\]\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FormatTag();

    [GeneratedRegex(@"\[id:(?<id>[^\]]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex IdInComment();

    /// <summary>One answer of a block.</summary>
    private sealed record GiftPart(char Marker, decimal? Weight, string Text, string? Feedback, SourcePosition At, int TextStart, int TextEnd);

    /// <summary>What every question of a chunk shares, applied to the typed question at the end.</summary>
    private sealed record Common(string Id, string Text, TextFormat Format, string? Category)
    {
        public string? Feedback { get; init; }

        public T Apply<T>(T question)
            where T : Question => question with { Format = Format, Category = Category, Feedback = Feedback };
    }
}
