using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Grading;

/// <summary>
/// A question as the learner sees it while answering: no key, no weights, no feedback. Built only from
/// what may be shown, so nothing secret can leak through a page or the API.
/// </summary>
public sealed record QuestionView
{
    /// <summary>The question id.</summary>
    public required string Id { get; init; }

    /// <summary>The kind of question, which decides the input to show.</summary>
    public required QuestionType Type { get; init; }

    /// <summary>The question text.</summary>
    public required string Text { get; init; }

    /// <summary>The text as sanitised HTML, once the site rendered it (by the pack's rules); null until then.</summary>
    public string? Html { get; init; }

    /// <summary>The format of the text and options.</summary>
    public TextFormat Format { get; init; }

    /// <summary>Points the question is worth (0 when not scored).</summary>
    public decimal Points { get; init; }

    /// <summary>True when several options may be chosen (checkboxes rather than radio buttons).</summary>
    public bool AllowsSeveral { get; init; }

    /// <summary>
    /// Choice, poll and true/false options; ordering items (in their shuffled order); matching answers;
    /// Likert points (ids <c>1</c>..<c>n</c>). Empty for text and number questions.
    /// </summary>
    public IReadOnlyList<ViewOption> Options { get; init; } = [];

    /// <summary>Matching prompts, each to be matched with one of <see cref="Options"/>; empty for other types.</summary>
    public IReadOnlyList<ViewOption> Prompts { get; init; } = [];

    /// <summary>The learner-facing form of <paramref name="question"/>, with options in <paramref name="optionOrder"/> when given.</summary>
    public static QuestionView For(Question question, IReadOnlyList<string>? optionOrder = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var view = new QuestionView { Id = question.Id, Type = question.Type, Text = question.Text, Format = question.Format, Points = question.Points };
        return question switch
        {
            ChoiceQuestion choice => view with
            {
                AllowsSeveral = choice.Multiple,
                Options = Ordered(choice.Options.Select(o => new ViewOption(o.Id, o.Text)), optionOrder),
            },
            PollQuestion poll => view with
            {
                AllowsSeveral = poll.Multiple,
                Options = Ordered(poll.Options.Select(o => new ViewOption(o.Id, o.Text)), optionOrder),
            },
            TrueFalseQuestion trueFalse => view with
            {
                Options = [new ViewOption(TrueFalseQuestion.TrueId, trueFalse.TrueLabel), new ViewOption(TrueFalseQuestion.FalseId, trueFalse.FalseLabel)],
            },
            MatchingQuestion matching => view with
            {
                Prompts = matching.Pairs.Select(p => new ViewOption(p.Id, p.Prompt)).ToArray(),
                Options = Ordered(matching.Choices().Select(c => new ViewOption(c.Id, c.Text)), optionOrder),
            },
            OrderingQuestion ordering => view with
            {
                Options = Ordered(ordering.Items.Select(i => new ViewOption(i.Id, i.Text)), optionOrder ?? AttemptOrder.Scramble(ordering, 0)),
            },
            LikertQuestion likert => view with
            {
                Options = likert.Labels.Select((label, i) => new ViewOption((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), label)).ToArray(),
            },
            _ => view,
        };
    }

    /// <summary>Options in the stored order; options the order does not name (a changed question) keep their place at the end.</summary>
    private static ViewOption[] Ordered(IEnumerable<ViewOption> options, IReadOnlyList<string>? order)
    {
        var list = options.ToList();
        if (order is null)
        {
            return list.ToArray();
        }

        var position = order.Select((id, i) => (id, i)).DistinctBy(x => x.id).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        return list.OrderBy(o => position.GetValueOrDefault(o.Id, int.MaxValue)).ToArray();
    }
}
