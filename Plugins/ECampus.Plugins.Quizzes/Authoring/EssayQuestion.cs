using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Free text handed to a tutor for grading.</summary>
public sealed record EssayQuestion : Question
{
    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionType Type => QuestionType.Essay;

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionGrading Grading => QuestionGrading.Manual;
}
