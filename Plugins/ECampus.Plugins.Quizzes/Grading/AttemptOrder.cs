using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Grading;

/// <summary>
/// The order one attempt shows questions and options in. Created once from a seed and stored with the
/// attempt, so the learner sees the same order on every page load and device.
/// </summary>
/// <param name="QuestionIds">Question ids in the order shown.</param>
/// <param name="OptionIds">For each question whose options are shuffled, their ids in the order shown.</param>
public sealed record AttemptOrder(IReadOnlyList<string> QuestionIds, IReadOnlyDictionary<string, IReadOnlyList<string>> OptionIds)
{
    /// <summary>
    /// The order for an attempt: questions shuffled when the quiz says so, choice options and matching answers
    /// when it says so, ordering items always (and never in the right order).
    /// </summary>
    public static AttemptOrder Create(Quiz quiz, int seed)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        var questions = quiz.Questions.Select(q => q.Id);
        var questionIds = quiz.Settings.ShuffleQuestions ? new SeededShuffle(seed, quiz.Id).Shuffle(questions) : questions.ToArray();
        var options = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var question in quiz.Questions)
        {
            var shuffle = new SeededShuffle(seed, question.Id);
            IReadOnlyList<string>? order = question switch
            {
                OrderingQuestion ordering => Scramble(ordering, seed),
                ChoiceQuestion choice when quiz.Settings.ShuffleOptions => shuffle.Shuffle(choice.Options.Select(o => o.Id)),
                PollQuestion poll when quiz.Settings.ShuffleOptions => shuffle.Shuffle(poll.Options.Select(o => o.Id)),
                MatchingQuestion matching when quiz.Settings.ShuffleOptions => shuffle.Shuffle(matching.Choices().Select(c => c.Id)),
                _ => null,
            };
            if (order is not null)
            {
                options[question.Id] = order;
            }
        }

        return new AttemptOrder(questionIds, options);
    }

    /// <summary>The questions as the learner sees them, in this order; ids the quiz no longer has are skipped.</summary>
    public IReadOnlyList<QuestionView> Views(Quiz quiz)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        return QuestionIds
            .Select(quiz.Find)
            .OfType<Question>()
            .Select(q => QuestionView.For(q, OptionIds.GetValueOrDefault(q.Id)))
            .ToArray();
    }

    /// <summary>Ordering items shuffled so that they are never already in the right order.</summary>
    internal static string[] Scramble(OrderingQuestion question, int seed)
    {
        var ids = question.Items.Select(i => i.Id).ToArray();
        var shuffled = new SeededShuffle(seed, question.Id).Shuffle(ids);
        if (shuffled.Length > 1 && shuffled.SequenceEqual(ids))
        {
            shuffled = [.. shuffled[1..], shuffled[0]];
        }

        return shuffled;
    }
}
