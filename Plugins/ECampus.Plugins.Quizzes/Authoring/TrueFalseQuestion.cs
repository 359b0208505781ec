using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>A statement that is true or false. Learners answer with the option ids <c>true</c> or <c>false</c>.</summary>
public sealed record TrueFalseQuestion : Question
{
    /// <summary>The id of the option that stands for "true".</summary>
    public const string TrueId = "true";

    /// <summary>The id of the option that stands for "false".</summary>
    public const string FalseId = "false";

    /// <summary>Whether the statement is true.</summary>
    public bool Answer { get; init; }

    /// <summary>The label of the "true" option, in the quiz language.</summary>
    public string TrueLabel { get; init; } = "True";

    /// <summary>The label of the "false" option, in the quiz language.</summary>
    public string FalseLabel { get; init; } = "False";

    /// <summary>Shown to a learner who answered true; null when none.</summary>
    public string? FeedbackIfTrue { get; init; }

    /// <summary>Shown to a learner who answered false; null when none.</summary>
    public string? FeedbackIfFalse { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionType Type => QuestionType.TrueFalse;
}
