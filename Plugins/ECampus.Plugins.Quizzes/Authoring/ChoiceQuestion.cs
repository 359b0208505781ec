using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Single choice (radio) or multiple choice (checkboxes), with a weight on each option.</summary>
public sealed record ChoiceQuestion : Question
{
    /// <summary>True when several options may be chosen.</summary>
    public bool Multiple { get; init; }

    /// <summary>The options in written order.</summary>
    public required IReadOnlyList<ChoiceOption> Options { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionType Type => Multiple ? QuestionType.MultipleChoice : QuestionType.SingleChoice;
}

/// <summary>An option and what choosing it is worth.</summary>
/// <param name="Id">Stable within the question: <c>a</c>, <c>b</c>, ... in written order, or explicit.</param>
/// <param name="Text">The option text.</param>
/// <param name="Weight">Percent of the question's points, -100 to 100; negative is a penalty.</param>
/// <param name="Feedback">Shown when the option was chosen; null when none.</param>
public sealed record ChoiceOption(string Id, string Text, decimal Weight, string? Feedback = null)
{
    /// <summary>True when choosing the option earns credit.</summary>
    [JsonIgnore]
    public bool IsCorrect => Weight > 0;
}
