using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>A choice with no right answer, as in a satisfaction survey.</summary>
public sealed record PollQuestion : Question
{
    /// <summary>True when several options may be chosen.</summary>
    public bool Multiple { get; init; }

    /// <summary>The options in written order.</summary>
    public required IReadOnlyList<PollOption> Options { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionType Type => QuestionType.Poll;

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionGrading Grading => QuestionGrading.None;
}

/// <summary>A poll option.</summary>
/// <param name="Id">Stable within the question: <c>a</c>, <c>b</c>, ... in written order, or explicit.</param>
/// <param name="Text">The option text.</param>
public sealed record PollOption(string Id, string Text);
