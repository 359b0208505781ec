using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Free text that is only recorded (surveys).</summary>
public sealed record FreeTextQuestion : Question
{
    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionType Type => QuestionType.FreeText;

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionGrading Grading => QuestionGrading.None;
}
