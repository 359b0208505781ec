using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Text shown between questions with nothing to answer (GIFT descriptions).</summary>
public sealed record DescriptionQuestion : Question
{
    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionType Type => QuestionType.Description;

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionGrading Grading => QuestionGrading.None;
}
