using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>A typed answer compared with accepted answers (case-insensitive, whitespace-normalised by default).</summary>
public sealed record ShortAnswerQuestion : Question
{
    /// <summary>The accepted answers; the best match counts.</summary>
    public required IReadOnlyList<AcceptedAnswer> Answers { get; init; }

    /// <summary>True when letter case must match.</summary>
    public bool CaseSensitive { get; init; }

    /// <summary>Shown when the answer matched none of <see cref="Answers"/>; null when none.</summary>
    public string? OtherwiseFeedback { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionType Type => QuestionType.ShortAnswer;
}

/// <summary>An accepted short answer.</summary>
/// <param name="Text">The answer.</param>
/// <param name="Weight">Percent of the points it earns (1–100).</param>
/// <param name="Feedback">Shown when it matched; null when none.</param>
public sealed record AcceptedAnswer(string Text, decimal Weight = 100, string? Feedback = null);
