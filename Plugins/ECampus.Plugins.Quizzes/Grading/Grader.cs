using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Grading;

/// <summary>
/// Scores answers against a question's key. Never throws for a learner's input: a blank answer, an answer of
/// the wrong kind or one naming ids the question does not have scores 0; a repeated id counts once.
/// Every question's score is floored at 0, whatever its penalties.
/// </summary>
public static class Grader
{
    /// <summary>Scores are kept to this many decimal places.</summary>
    public const int ScoreDecimals = 4;

    /// <summary>Grades a whole attempt; questions without an answer count as blank.</summary>
    public static QuizResult Grade(Quiz quiz, IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(answers);
        var results = quiz.Questions.Select(q => Grade(q, answers.GetValueOrDefault(q.Id))).ToArray();
        return new QuizResult(results, quiz.Settings.PassMark);
    }

    /// <summary>Grades one answer (null for a blank one).</summary>
    public static QuestionResult Grade(Question question, Answer? answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Points == 0)
        {
            return new QuestionResult(question.Id, 0, 0, Outcome.Recorded, []);
        }

        return question switch
        {
            ChoiceQuestion { Multiple: false } single => SingleChoice(single, answer as ChoiceAnswer),
            ChoiceQuestion multiple => MultipleChoice(multiple, answer as ChoiceAnswer),
            TrueFalseQuestion trueFalse => TrueFalse(trueFalse, answer as ChoiceAnswer),
            ShortAnswerQuestion shortAnswer => ShortAnswer(shortAnswer, answer as TextAnswer),
            NumericQuestion numeric => Numeric(numeric, NumberOf(answer)),
            MatchingQuestion matching => Matching(matching, answer as MatchingAnswer),
            OrderingQuestion ordering => Ordering(ordering, answer as OrderingAnswer),
            EssayQuestion essay => answer is TextAnswer { IsEmpty: false }
                ? Result(essay, 0, Outcome.Ungraded, [])
                : Result(essay, 0, Outcome.Wrong, []),
            _ => new QuestionResult(question.Id, 0, 0, Outcome.Recorded, []),
        };
    }

    /// <summary>A tutor's score for a manually graded question (an essay), with their comment as feedback.</summary>
    public static QuestionResult GradeManually(Question question, decimal score, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Grading != QuestionGrading.Manual)
        {
            throw new ArgumentException($"Question '{question.Id}' is graded automatically.", nameof(question));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, question.Points);
        var outcome = score == question.Points ? Outcome.Correct : score > 0 ? Outcome.Partial : Outcome.Wrong;
        return Result(question, score, outcome, string.IsNullOrWhiteSpace(comment) ? [] : [comment]);
    }

    private static QuestionResult SingleChoice(ChoiceQuestion question, ChoiceAnswer? answer)
    {
        var chosen = Chosen(answer, question.Options.Select(o => o.Id));
        if (chosen.Count != 1)
        {
            return Result(question, 0, Outcome.Wrong, []);
        }

        var option = question.Options.First(o => o.Id == chosen[0]);
        return Weighted(question, option.Weight, OptionalLine(option.Feedback));
    }

    private static QuestionResult MultipleChoice(ChoiceQuestion question, ChoiceAnswer? answer)
    {
        var chosen = Chosen(answer, question.Options.Select(o => o.Id));
        var options = question.Options.Where(o => chosen.Contains(o.Id)).ToArray();
        var feedback = options.Select(o => o.Feedback).OfType<string>().ToArray();
        var allRight = question.Options.Where(o => o.IsCorrect).Select(o => o.Id).ToHashSet().SetEquals(chosen);
        if (allRight)
        {
            return Result(question, question.Points, Outcome.Correct, feedback);
        }

        return Weighted(question, options.Sum(o => o.Weight), feedback, canBeCorrect: false);
    }

    private static QuestionResult TrueFalse(TrueFalseQuestion question, ChoiceAnswer? answer)
    {
        var chosen = Chosen(answer, [TrueFalseQuestion.TrueId, TrueFalseQuestion.FalseId]);
        if (chosen.Count != 1)
        {
            return Result(question, 0, Outcome.Wrong, []);
        }

        var saidTrue = chosen[0] == TrueFalseQuestion.TrueId;
        var feedback = OptionalLine(saidTrue ? question.FeedbackIfTrue : question.FeedbackIfFalse);
        return saidTrue == question.Answer
            ? Result(question, question.Points, Outcome.Correct, feedback)
            : Result(question, 0, Outcome.Wrong, feedback);
    }

    private static QuestionResult ShortAnswer(ShortAnswerQuestion question, TextAnswer? answer)
    {
        if (answer is null || answer.IsEmpty)
        {
            return Result(question, 0, Outcome.Wrong, []);
        }

        var given = AnswerText.Normalise(answer.Text);
        var comparison = question.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var best = question.Answers
            .Where(a => string.Equals(AnswerText.Normalise(a.Text), given, comparison))
            .MaxBy(a => a.Weight);
        return best is null
            ? Result(question, 0, Outcome.Wrong, OptionalLine(question.OtherwiseFeedback))
            : Weighted(question, best.Weight, OptionalLine(best.Feedback));
    }

    private static QuestionResult Numeric(NumericQuestion question, decimal? number)
    {
        if (number is not { } value)
        {
            return Result(question, 0, Outcome.Wrong, []);
        }

        var best = question.Answers.Where(a => a.Contains(value)).MaxBy(a => a.Weight);
        return best is null
            ? Result(question, 0, Outcome.Wrong, OptionalLine(question.OtherwiseFeedback))
            : Weighted(question, best.Weight, OptionalLine(best.Feedback));
    }

    private static QuestionResult Matching(MatchingQuestion question, MatchingAnswer? answer)
    {
        var choices = question.Choices().ToDictionary(c => c.Id, c => c.Text, StringComparer.Ordinal);
        var matches = answer?.Matches ?? new Dictionary<string, string>();
        if (matches.Any(m => !question.Pairs.Any(p => p.Id == m.Key) || m.Value is null || !choices.ContainsKey(m.Value)))
        {
            matches = new Dictionary<string, string>();
        }

        var right = question.Pairs.Count(p =>
            matches.TryGetValue(p.Id, out var choiceId) && choiceId is not null
            && choices.TryGetValue(choiceId, out var text) && text == p.Match);
        return Share(question, right, question.Pairs.Count);
    }

    private static QuestionResult Ordering(OrderingQuestion question, OrderingAnswer? answer)
    {
        var rank = question.Items.Select((item, index) => (item.Id, index)).ToDictionary(x => x.Id, x => x.index, StringComparer.Ordinal);
        var ids = answer?.ItemIds ?? [];
        var given = ids.All(id => id is not null && rank.ContainsKey(id)) ? ids.Distinct().Select(id => rank[id]).ToArray() : [];
        var longest = LongestIncreasingRun(given);
        return Share(question, Math.Max(0, longest - 1), question.Items.Count - 1);
    }

    /// <summary>Length of the longest subsequence in increasing order: the items the learner put in the right relative order.</summary>
    private static int LongestIncreasingRun(int[] ranks)
    {
        var lengths = new int[ranks.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            lengths[i] = 1;
            for (var j = 0; j < i; j++)
            {
                if (ranks[j] < ranks[i])
                {
                    lengths[i] = Math.Max(lengths[i], lengths[j] + 1);
                }
            }
        }

        return lengths.Length == 0 ? 0 : lengths.Max();
    }

    private static QuestionResult Share(Question question, int earned, int total)
    {
        var general = GeneralFeedback(question);
        if (total <= 0 || earned >= total)
        {
            return new QuestionResult(question.Id, question.Points, question.Points, Outcome.Correct, general);
        }

        var score = Math.Round(question.Points * earned / total, ScoreDecimals, MidpointRounding.AwayFromZero);
        return new QuestionResult(question.Id, score, question.Points, earned > 0 ? Outcome.Partial : Outcome.Wrong, general);
    }

    private static QuestionResult Weighted(Question question, decimal weight, IReadOnlyList<string> feedback, bool canBeCorrect = true)
    {
        var fraction = Math.Clamp(weight / 100, 0, 1);
        var score = Math.Round(question.Points * fraction, ScoreDecimals, MidpointRounding.AwayFromZero);
        var outcome = fraction >= 1 && canBeCorrect ? Outcome.Correct : score > 0 ? Outcome.Partial : Outcome.Wrong;
        return Result(question, score, outcome, feedback);
    }

    private static QuestionResult Result(Question question, decimal score, Outcome outcome, IReadOnlyList<string> feedback) =>
        new(question.Id, score, question.Points, outcome, [.. feedback, .. GeneralFeedback(question)]);

    private static string[] GeneralFeedback(Question question) => question.Feedback is { Length: > 0 } feedback ? [feedback] : [];

    private static string[] OptionalLine(string? text) => string.IsNullOrWhiteSpace(text) ? [] : [text];

    /// <summary>
    /// The distinct ids chosen (a repeated id counts once). An answer naming an id the question does not have was
    /// not made on this question's form, so it is treated as blank.
    /// </summary>
    private static List<string> Chosen(ChoiceAnswer? answer, IEnumerable<string> known)
    {
        var knownIds = known.ToHashSet(StringComparer.Ordinal);
        var ids = answer?.OptionIds ?? [];
        return ids.All(id => id is not null && knownIds.Contains(id)) ? ids.Distinct(StringComparer.Ordinal).ToList() : [];
    }

    private static decimal? NumberOf(Answer? answer) => answer switch
    {
        NumberAnswer number => number.Value,
        TextAnswer text when AnswerText.TryReadNumber(text.Text, out var value) => value,
        _ => null,
    };
}
