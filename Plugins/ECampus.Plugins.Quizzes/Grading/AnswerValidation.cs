using System.Globalization;
using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Grading;

/// <summary>
/// Checks a submitted answer before it is stored: it must fit the question and name only ids the question has.
/// A blank answer is valid (learners may skip questions). Messages are for the learner.
/// </summary>
public static class AnswerValidation
{
    /// <summary>The longest typed answer accepted (an essay of several pages).</summary>
    public const int MaxTextLength = 50_000;

    /// <summary>What is wrong with the answer; empty when it may be stored.</summary>
    public static IReadOnlyList<string> Check(Question question, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        return (question, answer) switch
        {
            (ChoiceQuestion choice, ChoiceAnswer chosen) => Choices(chosen, choice.Options.Select(o => o.Id), choice.Multiple),
            (PollQuestion poll, ChoiceAnswer chosen) => Choices(chosen, poll.Options.Select(o => o.Id), poll.Multiple),
            (TrueFalseQuestion, ChoiceAnswer chosen) => Choices(chosen, [TrueFalseQuestion.TrueId, TrueFalseQuestion.FalseId], several: false),
            (ShortAnswerQuestion or EssayQuestion or FreeTextQuestion, TextAnswer text) => Text(text),
            (NumericQuestion, NumberAnswer) => [],
            (NumericQuestion, TextAnswer text) => text.IsEmpty || AnswerText.TryReadNumber(text.Text, out _)
                ? Text(text)
                : [$"'{text.Text.Trim()}' is not a number."],
            (MatchingQuestion matching, MatchingAnswer matches) => Matches(matching, matches),
            (OrderingQuestion ordering, OrderingAnswer order) => Order(ordering, order),
            (LikertQuestion likert, ScaleAnswer point) => point.Value >= 1 && point.Value <= likert.Scale
                ? []
                : [$"Choose a point from 1 to {likert.Scale.ToString(CultureInfo.InvariantCulture)}."],
            _ => ["This answer does not fit the question."],
        };
    }

    /// <summary>True when <see cref="Check"/> finds nothing wrong.</summary>
    public static bool IsValid(Question question, Answer answer) => Check(question, answer).Count == 0;

    private static List<string> Choices(ChoiceAnswer answer, IEnumerable<string> known, bool several)
    {
        var problems = new List<string>();
        var ids = answer.OptionIds ?? [];
        var knownIds = known.ToHashSet(StringComparer.Ordinal);
        problems.AddRange(ids.Where(id => id is null || !knownIds.Contains(id)).Distinct().Select(id => $"There is no option '{id}'."));
        problems.AddRange(ids.Where(id => id is not null).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"Option '{g.Key}' is chosen more than once."));
        if (!several && ids.Distinct().Count() > 1)
        {
            problems.Add("Choose only one option.");
        }

        return problems;
    }

    private static List<string> Text(TextAnswer answer) =>
        answer.Text is null ? ["The answer has no text."]
        : answer.Text.Length > MaxTextLength ? [$"The answer is longer than {MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)} characters."]
        : [];

    private static List<string> Matches(MatchingQuestion question, MatchingAnswer answer)
    {
        var prompts = question.Pairs.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var choices = question.Choices().Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (prompt, choice) in answer.Matches ?? new Dictionary<string, string>())
        {
            if (!prompts.Contains(prompt))
            {
                problems.Add($"There is no prompt '{prompt}'.");
            }

            if (choice is null || !choices.Contains(choice))
            {
                problems.Add($"There is no answer '{choice}' to match.");
            }
        }

        return problems;
    }

    private static List<string> Order(OrderingQuestion question, OrderingAnswer answer)
    {
        var ids = answer.ItemIds ?? [];
        if (ids.Count == 0)
        {
            return [];
        }

        var items = question.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var problems = ids.Where(id => id is null || !items.Contains(id)).Distinct().Select(id => $"There is no item '{id}'.").ToList();
        problems.AddRange(ids.Where(id => id is not null).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"Item '{g.Key}' is placed more than once."));
        if (problems.Count == 0 && ids.Count != items.Count)
        {
            problems.Add("Put every item in order.");
        }

        return problems;
    }
}
