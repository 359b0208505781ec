using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// Reads one <c>##</c> section of a Markdown quiz into a question. The section is: the heading (question text
/// and attributes), a body, the answer part (the last list of the section), then quotes that are the
/// question's feedback.
/// </summary>
internal sealed partial class MarkdownQuestionReader(MarkdownSource source, ProblemList problems, bool survey, string language)
{
    private static readonly QuestionType[] ChoiceTypes =
        [QuestionType.SingleChoice, QuestionType.MultipleChoice, QuestionType.TrueFalse, QuestionType.Poll];

    private static readonly QuestionType[] AnswerListTypes =
        [QuestionType.ShortAnswer, QuestionType.Numeric, QuestionType.Matching, QuestionType.Ordering];

    private static readonly QuestionType[] OpenTypes = [QuestionType.Essay, QuestionType.FreeText, QuestionType.Description];

    /// <summary>The question, or null when a problem was reported.</summary>
    public Question? Read(HeadingBlock heading, IReadOnlyList<Block> blocks)
    {
        var before = problems.Count;
        var (rawHeading, headingAt) = source.HeadingText(heading);
        var attributes = HeadingAttributes.Parse(rawHeading, headingAt, problems);
        if (problems.ErrorsSince(before))
        {
            return null;
        }

        if (attributes.Text.Length == 0)
        {
            problems.Error(headingAt, QuizProblemCodes.EmptyText, "The question heading has no text.", "Write the question after '## '.");
            return null;
        }

        var id = QuestionId(attributes, headingAt);
        var draft = new Draft(id ?? "", attributes, headingAt, blocks);
        var question = attributes.Type is { } type && OpenTypes.Contains(type)
            ? Open(draft, type, blocks.Count)
            : Answered(draft);
        return question is null || id is null || problems.ErrorsSince(before) ? null : question;
    }

    private Question? Answered(Draft draft)
    {
        var blocks = draft.Blocks;
        var quotesFrom = blocks.Count;
        while (quotesFrom > 0 && blocks[quotesFrom - 1] is QuoteBlock)
        {
            quotesFrom--;
        }

        var last = quotesFrom > 0 ? blocks[quotesFrom - 1] : null;
        var type = draft.Attributes.Type;
        if (last is ListBlock list)
        {
            var hasIntro = quotesFrom >= 2 && blocks[quotesFrom - 2] is ParagraphBlock intro && AnswerIntro().IsMatch(source.ParagraphText(intro));
            var answerStart = hasIntro ? quotesFrom - 2 : quotesFrom - 1;
            var complete = draft with { BodyEnd = answerStart, FeedbackStart = quotesFrom };
            if (IsTaskList(list))
            {
                return type switch
                {
                    null or QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Poll => Choice(complete, list),
                    QuestionType.TrueFalse => TrueFalse(complete, list),
                    QuestionType.Likert => Likert(complete, list),
                    _ => NotFitting(list, $"A {TypeName(type.Value)} question takes a list of answers, not options with checkboxes.",
                        "Remove the '[ ]' and '[x]' boxes, or change the type."),
                };
            }

            if (hasIntro || type is QuestionType.Likert || (type is { } answerType && AnswerListTypes.Contains(answerType)))
            {
                return type == QuestionType.Likert ? Likert(complete, list) : Answers(complete, ReadEntries(list, task: false));
            }

            if (type is { } choiceType && ChoiceTypes.Contains(choiceType))
            {
                return NotFitting(list, "Options need checkboxes.", "Write each option as '- [x] right' or '- [ ] wrong'.");
            }
        }

        if (last is ParagraphBlock paragraph && AnswerLines(paragraph) is { } lines)
        {
            var entries = lines.Select(line => ReadEntry(line.Value, line.At, null, null)).ToList();
            var complete = draft with { BodyEnd = quotesFrom - 1, FeedbackStart = quotesFrom };
            return entries.Contains(null) ? null : Answers(complete, entries!);
        }

        if (type == QuestionType.Likert)
        {
            return Likert(draft with { BodyEnd = blocks.Count, FeedbackStart = blocks.Count }, null);
        }

        if (survey && type is null)
        {
            return Open(draft, QuestionType.FreeText, blocks.Count);
        }

        var strayOptions = blocks.Take(quotesFrom).ToList().FindLastIndex(b => b is ListBlock l && IsTaskList(l));
        if (strayOptions >= 0)
        {
            problems.Error(source.At(blocks[strayOptions + 1]), QuizProblemCodes.TextAfterAnswers, "There is text after the options.",
                "Move it above the options, or make it feedback by starting each line with '> '.");
            return null;
        }

        if (last is ListBlock unmarked)
        {
            problems.Error(source.At(unmarked), QuizProblemCodes.NothingToAnswer, "The list ending the question is not marked as options or answers.",
                "Write 'Answers:' on its own line above it, or set the type ('{type=matching}', '{type=ordering}'); options need checkboxes: '- [x] right'.");
            return null;
        }

        problems.Error(draft.At, QuizProblemCodes.NothingToAnswer, "The question has no options and no answers.",
            "Add options ('- [x] right', '- [ ] wrong'), or 'Answer:' above a list of accepted answers, or '{type=essay}'.");
        return null;
    }

    private Question? Choice(Draft draft, ListBlock list)
    {
        var entries = ReadEntries(list, task: true);
        if (entries is null || !UniqueOptionIds(entries))
        {
            return null;
        }

        var ids = OptionIds(entries);
        if (survey || draft.Attributes.Type == QuestionType.Poll)
        {
            if (entries.Any(e => e.Checked == true || e.Weight is not null))
            {
                problems.Warning(source.At(list), QuizProblemCodes.MarksInSurvey, "Survey questions have no right answer; the ticks and weights are ignored.",
                    "Write every option as '- [ ]'.");
            }

            if (entries.Count < 2)
            {
                problems.Error(draft.At, QuizProblemCodes.TooFewOptions, "A poll needs at least two options.", "Add another '- [ ] ...' option.");
                return null;
            }

            return new PollQuestion
            {
                Id = draft.Id,
                Text = Text(draft),
                Points = 0,
                Feedback = Feedback(draft),
                Multiple = draft.Attributes.Type == QuestionType.MultipleChoice,
                Options = entries.Select((e, i) => new PollOption(ids[i], e.Text)).ToArray(),
            };
        }

        var correct = entries.Count(e => e.Checked == true);
        if (correct == 0)
        {
            problems.Error(draft.At, QuizProblemCodes.NoCorrectOption, "No option is ticked as correct.",
                "Mark the right option with '- [x]'. In a survey, set 'kind: survey' in the front matter.");
            return null;
        }

        if (entries.Count < 2)
        {
            problems.Error(draft.At, QuizProblemCodes.TooFewOptions, "A choice question needs at least two options.", "Add a wrong option with '- [ ] ...'.");
            return null;
        }

        var multiple = draft.Attributes.Type == QuestionType.MultipleChoice || (draft.Attributes.Type is null && correct > 1);
        var weights = ChoiceWeights.Resolve(entries, multiple, draft.At, problems);
        if (weights is null)
        {
            return null;
        }

        return new ChoiceQuestion
        {
            Id = draft.Id,
            Text = Text(draft),
            Points = draft.Points,
            Feedback = Feedback(draft),
            Multiple = multiple,
            Options = entries.Select((e, i) => new ChoiceOption(ids[i], e.Text, weights[i], e.Feedback)).ToArray(),
        };
    }

    private TrueFalseQuestion? TrueFalse(Draft draft, ListBlock list)
    {
        var entries = ReadEntries(list, task: true);
        if (entries is null)
        {
            return null;
        }

        var truths = entries.Select(e => LanguageWords.ReadTruth(e.Text)).ToArray();
        var trueEntry = entries.Where((_, i) => truths[i] == true).ToArray();
        var falseEntry = entries.Where((_, i) => truths[i] == false).ToArray();
        if (entries.Count != 2 || trueEntry.Length != 1 || falseEntry.Length != 1 || entries.Count(e => e.Checked == true) != 1)
        {
            problems.Error(source.At(list), QuizProblemCodes.BadTrueFalse, "A true/false question needs one 'True' and one 'False' option, exactly one of them ticked.",
                "Write '- [x] True' and '- [ ] False' (or Vrai/Faux, Verdadero/Falso).");
            return null;
        }

        return new TrueFalseQuestion
        {
            Id = draft.Id,
            Text = Text(draft),
            Points = draft.Points,
            Feedback = Feedback(draft),
            Answer = trueEntry[0].Checked == true,
            TrueLabel = trueEntry[0].Text,
            FalseLabel = falseEntry[0].Text,
            FeedbackIfTrue = trueEntry[0].Feedback,
            FeedbackIfFalse = falseEntry[0].Feedback,
        };
    }

    private LikertQuestion? Likert(Draft draft, ListBlock? list)
    {
        var labels = list is null ? null : ReadEntries(list, task: IsTaskList(list))?.Select(e => e.Text).ToArray();
        if (list is not null && labels is null)
        {
            return null;
        }

        var scale = draft.Attributes.Scale;
        if (labels is not null && scale is not null && scale != labels.Length)
        {
            problems.Error(draft.Attributes.ScaleAt, QuizProblemCodes.BadScale, $"'scale={scale}' but {labels.Length} labels are listed.",
                "Remove 'scale=' (the labels set it) or list one label per point.");
            return null;
        }

        var points = labels?.Length ?? scale ?? 5;
        if (points is < 2 or > 11)
        {
            problems.Error(list is null ? draft.Attributes.ScaleAt : source.At(list), QuizProblemCodes.BadScale,
                $"A scale of {points} point{(points == 1 ? "" : "s")} cannot be answered well.", "Use 2 to 11 points; 5 is usual.");
            return null;
        }

        return new LikertQuestion
        {
            Id = draft.Id,
            Text = Text(draft),
            Points = 0,
            Feedback = Feedback(draft),
            Labels = labels ?? LanguageWords.ScaleLabels(language, points),
        };
    }

    private Question? Answers(Draft draft, IReadOnlyList<ListEntry>? entries)
    {
        if (entries is null)
        {
            return null;
        }

        var answers = entries.Where(e => e.Text != "*").ToArray();
        var otherwise = entries.FirstOrDefault(e => e.Text == "*")?.Feedback;
        var type = draft.Attributes.Type
            ?? (answers.Any(a => Arrow().IsMatch(a.Text)) ? QuestionType.Matching
                : answers.Length > 0 && answers.All(a => NumberText.LooksNumeric(a.Text)) ? QuestionType.Numeric
                : QuestionType.ShortAnswer);
        return type switch
        {
            QuestionType.Matching => Matching(draft, answers),
            QuestionType.Ordering => Ordering(draft, answers),
            QuestionType.Numeric => Numeric(draft, answers, otherwise),
            _ => ShortAnswer(draft, answers, otherwise),
        };
    }

    private ShortAnswerQuestion? ShortAnswer(Draft draft, ListEntry[] answers, string? otherwise)
    {
        if (!PositiveWeights(answers, draft.At))
        {
            return null;
        }

        return new ShortAnswerQuestion
        {
            Id = draft.Id,
            Text = Text(draft),
            Points = draft.Points,
            Feedback = Feedback(draft),
            CaseSensitive = draft.Attributes.CaseSensitive,
            OtherwiseFeedback = otherwise,
            Answers = answers.Select(a => new AcceptedAnswer(a.Text, a.Weight ?? 100, a.Feedback)).ToArray(),
        };
    }

    private NumericQuestion? Numeric(Draft draft, ListEntry[] answers, string? otherwise)
    {
        var ranges = new List<NumericRange>();
        foreach (var answer in answers)
        {
            if (NumberText.TryParseRange(answer.Text, answer.Weight ?? 100, answer.Feedback, out var range, out var error))
            {
                ranges.Add(range);
            }
            else
            {
                problems.Error(answer.At, QuizProblemCodes.BadNumber, error, "Write a number ('42'), a tolerance ('42 ± 0.5' or '42 +- 0.5') or a range ('40..45').");
            }
        }

        if (ranges.Count < answers.Length || !PositiveWeights(answers, draft.At))
        {
            return null;
        }

        return new NumericQuestion
        {
            Id = draft.Id,
            Text = Text(draft),
            Points = draft.Points,
            Feedback = Feedback(draft),
            OtherwiseFeedback = otherwise,
            Answers = ranges,
        };
    }

    private MatchingQuestion? Matching(Draft draft, ListEntry[] entries)
    {
        var pairs = new List<MatchPair>();
        foreach (var entry in entries)
        {
            var arrow = Arrow().Match(entry.Text);
            var prompt = arrow.Success ? entry.Text[..arrow.Index].Trim() : "";
            var match = arrow.Success ? entry.Text[(arrow.Index + arrow.Length)..].Trim() : "";
            if (!arrow.Success || prompt.Length == 0 || match.Length == 0)
            {
                problems.Error(entry.At, QuizProblemCodes.BadPair,
                    arrow.Success ? "A matching pair needs text on both sides of the arrow." : $"'{entry.Text}' has no '→' or '->' between prompt and answer.",
                    "Write each pair as '- prompt → answer' or '- prompt -> answer'.");
                continue;
            }

            NoWeight(entry);
            pairs.Add(new MatchPair(QuestionIds.Letter(pairs.Count), prompt, match));
        }

        if (pairs.Count == entries.Length && pairs.Count < 2)
        {
            problems.Error(draft.At, QuizProblemCodes.TooFewPairs, "A matching question needs at least two pairs.", "Add another '- prompt → answer' line.");
            return null;
        }

        return new MatchingQuestion { Id = draft.Id, Text = Text(draft), Points = draft.Points, Feedback = Feedback(draft), Pairs = pairs };
    }

    private OrderingQuestion? Ordering(Draft draft, ListEntry[] entries)
    {
        foreach (var entry in entries)
        {
            NoWeight(entry);
        }

        var repeated = entries.GroupBy(e => e.Text, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (entries.Length < 2 || repeated is not null)
        {
            problems.Error(repeated?.Skip(1).First().At ?? draft.At, QuizProblemCodes.BadOrderingItems,
                repeated is null ? "An ordering question needs at least two items." : $"The item '{repeated.Key}' is listed twice.",
                "List two or more different items in the right order.");
            return null;
        }

        return new OrderingQuestion
        {
            Id = draft.Id,
            Text = Text(draft),
            Points = draft.Points,
            Feedback = Feedback(draft),
            Items = entries.Select(e => new OrderItem(QuestionIds.ForOrderItem(e.Text), e.Text)).ToArray(),
        };
    }

    private Question Open(Draft draft, QuestionType type, int bodyEnd)
    {
        var complete = draft with { BodyEnd = bodyEnd, FeedbackStart = bodyEnd };
        return type switch
        {
            QuestionType.Essay => new EssayQuestion { Id = draft.Id, Text = Text(complete), Points = draft.Points },
            QuestionType.Description => new DescriptionQuestion { Id = draft.Id, Text = Text(complete), Points = 0 },
            _ => new FreeTextQuestion { Id = draft.Id, Text = Text(complete), Points = 0 },
        };
    }

    /// <summary>The values of a paragraph whose every line is 'Answer: value', or null.</summary>
    private List<(string Value, SourcePosition At)>? AnswerLines(ParagraphBlock paragraph)
    {
        var first = source.At(paragraph).Line;
        var values = new List<(string, SourcePosition)>();
        foreach (var (line, index) in source.ParagraphText(paragraph).Split('\n').Select((line, index) => (line, index)))
        {
            var match = OneLineAnswer().Match(line);
            if (!match.Success)
            {
                return null;
            }

            var raw = source.Line(first + index);
            var column = raw.IndexOf(match.Groups["value"].Value, StringComparison.Ordinal) + 1;
            values.Add((match.Groups["value"].Value, new SourcePosition(first + index, Math.Max(1, column))));
        }

        return values;
    }

    private bool PositiveWeights(ListEntry[] answers, SourcePosition questionAt)
    {
        var fine = true;
        foreach (var answer in answers.Where(a => a.Weight <= 0))
        {
            problems.Error(answer.At, QuizProblemCodes.BadWeight, "An accepted answer must earn something; it cannot count 0% or less.",
                "Remove the answer, or give it a weight from 1% to 100%.");
            fine = false;
        }

        if (fine && answers.Length > 0 && !answers.Any(a => (a.Weight ?? 100) == 100))
        {
            problems.Error(questionAt, QuizProblemCodes.NoCorrectOption, "No answer is worth the full points.", "Remove the weight of the best answer.");
            return false;
        }

        return fine;
    }

    private void NoWeight(ListEntry entry)
    {
        if (entry.Weight is not null)
        {
            problems.Error(entry.At, QuizProblemCodes.BadWeight, "Matching pairs and ordering items have no weights: each earns an equal share.",
                "Remove the '(…%)'.");
        }
    }

    private Question? NotFitting(ListBlock list, string message, string hint)
    {
        problems.Error(source.At(list), QuizProblemCodes.AnswersDoNotFitType, message, hint);
        return null;
    }

    private string? QuestionId(HeadingAttributes attributes, SourcePosition headingAt)
    {
        if (attributes.Id is { } explicitId)
        {
            if (QuestionIds.IsValid(explicitId))
            {
                return explicitId;
            }

            problems.Error(attributes.IdAt, QuizProblemCodes.InvalidQuestionId, $"The question id '{explicitId}' is not valid.",
                "Use lower-case letters, digits and dashes, e.g. '{#ilo-founded}'.");
            return null;
        }

        var slug = QuestionIds.Slug(attributes.Text);
        if (slug.Length > 0)
        {
            return slug;
        }

        problems.Error(headingAt, QuizProblemCodes.InvalidQuestionId, "No id can be derived from this heading.",
            "Give the question an id at the end of its heading, e.g. '{#q1}'.");
        return null;
    }

    private bool UniqueOptionIds(IReadOnlyList<ListEntry> entries)
    {
        var fine = true;
        foreach (var entry in entries.Where(e => e.Id is not null && !QuestionIds.IsValid(e.Id)))
        {
            problems.Error(entry.At, QuizProblemCodes.BadOptionId, $"The option id '{entry.Id}' is not valid.", "Use lower-case letters, digits and dashes.");
            fine = false;
        }

        var ids = OptionIds(entries);
        foreach (var group in ids.Select((id, i) => (id, i)).GroupBy(x => x.id).Where(g => g.Count() > 1))
        {
            problems.Error(entries[group.Skip(1).First().i].At, QuizProblemCodes.BadOptionId, $"Two options have the id '{group.Key}'.",
                "Give every option of the question its own id, or give none an explicit id.");
            fine = false;
        }

        return fine;
    }

    private static string[] OptionIds(IReadOnlyList<ListEntry> entries) =>
        entries.Select((e, i) => e.Id ?? QuestionIds.Letter(i)).ToArray();

    private List<ListEntry>? ReadEntries(ListBlock list, bool task)
    {
        var entries = new List<ListEntry>();
        var fine = true;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var otherwise = !task && IsOtherwise(item);
            var paragraph = item.FirstOrDefault() as ParagraphBlock;
            var taskBox = paragraph?.Inline?.FirstChild as TaskList;
            if (paragraph is null && !otherwise)
            {
                problems.Error(source.At(item), QuizProblemCodes.EmptyText, "This item has no text.", "Write its text after the list marker, or remove the line.");
                fine = false;
                continue;
            }

            if (task && taskBox is null)
            {
                problems.Error(source.At(item), QuizProblemCodes.AnswersDoNotFitType, "This item has no checkbox, unlike the other options.",
                    "Start every option with '[x]' or '[ ]'.");
                fine = false;
                continue;
            }

            string? feedback = null;
            foreach (var nested in item.Skip(paragraph is null ? 0 : 1).Where(b => !(otherwise && b is ListBlock)))
            {
                if (nested is QuoteBlock quote && feedback is null)
                {
                    feedback = source.QuoteText(quote);
                    continue;
                }

                problems.Error(source.At(nested), QuizProblemCodes.UnexpectedNesting, "Only one feedback quote may be nested under an option or answer.",
                    "Indent a single '> feedback' under the item; move anything else into the question text.");
                fine = false;
            }

            if (otherwise)
            {
                entries.Add(new ListEntry("*", source.At(item), null, null, feedback, null));
                continue;
            }

            var text = source.ParagraphText(paragraph!);
            var at = source.PositionOf(paragraph!.Span.Start);
            if (taskBox is not null)
            {
                var box = TaskBox().Match(text);
                text = text[box.Length..];
                at = at.Right(box.Length);
            }

            var entry = ReadEntry(text, at, taskBox is null ? null : taskBox.Checked, feedback);
            if (entry is null)
            {
                fine = false;
                continue;
            }

            entries.Add(entry);
        }

        return fine ? entries : null;
    }

    private ListEntry? ReadEntry(string text, SourcePosition at, bool? isChecked, string? feedback)
    {
        if (!WeightText.TryTake(text, out var weight, out var rest, out var error))
        {
            problems.Error(at, QuizProblemCodes.BadWeight, error!, "Write a weight as '(50%)' or '(-25%)' before the text.");
            return null;
        }

        string? id = null;
        var idMatch = OptionId().Match(rest);
        if (idMatch.Success)
        {
            id = idMatch.Groups["id"].Value;
            rest = rest[..idMatch.Index];
        }

        rest = rest.Trim();
        if (rest.Length == 0)
        {
            problems.Error(at, QuizProblemCodes.EmptyText, "This option or answer has no text.", "Write its text, or remove the line.");
            return null;
        }

        return new ListEntry(rest, at, isChecked, weight, feedback, id);
    }

    /// <summary>The heading text, then the body's Markdown as written.</summary>
    private string Text(Draft draft)
    {
        var body = source.Slice(draft.Blocks.Take(draft.BodyEnd).ToArray());
        return body.Length == 0 ? draft.Attributes.Text : draft.Attributes.Text + "\n\n" + body;
    }

    /// <summary>The quotes after the answers, without their markers.</summary>
    private string? Feedback(Draft draft)
    {
        var quotes = draft.Blocks.Skip(draft.FeedbackStart).OfType<QuoteBlock>().Select(source.QuoteText).Where(t => t.Length > 0).ToArray();
        return quotes.Length == 0 ? null : string.Join("\n\n", quotes);
    }

    /// <summary>An item '- *' (any other answer): Markdig reads the lone '*' as an empty nested list.</summary>
    private static bool IsOtherwise(ListItemBlock item) =>
        item.FirstOrDefault() is ListBlock { BulletType: '*', Count: 1 } nested && nested[0] is ListItemBlock { Count: 0 };

    private static bool IsTaskList(ListBlock list) =>
        list.OfType<ListItemBlock>().Any(item => item.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: TaskList });

    private static string TypeName(QuestionType type) => type switch
    {
        QuestionType.ShortAnswer => "short-answer",
        QuestionType.Numeric => "numeric",
        QuestionType.Matching => "matching",
        QuestionType.Ordering => "ordering",
        _ => type.ToString().ToLowerInvariant(),
    };

    [GeneratedRegex(@"^\[[ xX]\][ \t]*", RegexOptions.CultureInvariant)]
    private static partial Regex TaskBox();

    [GeneratedRegex(@"\s*\{#(?<id>[^{}\s]+)\}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OptionId();

    [GeneratedRegex(@"\s*(?:→|->)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Arrow();

    [GeneratedRegex(@"^(?:answers?|réponses?|respuestas?)\s*:\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AnswerIntro();

    [GeneratedRegex(@"^(?:answers?|réponses?|respuestas?)\s*:[ \t]*(?<value>\S[^\n]*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OneLineAnswer();

    /// <summary>A question being read: what the heading said and where its body, answers and feedback are.</summary>
    private sealed record Draft(string Id, HeadingAttributes Attributes, SourcePosition At, IReadOnlyList<Block> Blocks)
    {
        public int BodyEnd { get; init; }

        public int FeedbackStart { get; init; }

        public decimal Points => Attributes.Points ?? 1;
    }
}
