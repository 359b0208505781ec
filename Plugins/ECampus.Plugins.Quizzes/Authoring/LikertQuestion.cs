using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>A rating scale; the answer is a point from 1 to <see cref="Scale"/>.</summary>
public sealed record LikertQuestion : Question
{
    /// <summary>The label of each point, lowest first.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>The number of points.</summary>
    [JsonIgnore]
    public int Scale => Labels.Count;

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionType Type => QuestionType.Likert;

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionGrading Grading => QuestionGrading.None;
}
