using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Grading;

/// <summary>How an answer fared.</summary>
public enum Outcome
{
    /// <summary>Full points.</summary>
    Correct,

    /// <summary>Some points, not all.</summary>
    Partial,

    /// <summary>No points (blank answers included).</summary>
    Wrong,

    /// <summary>Waiting for a tutor (essays).</summary>
    Ungraded,

    /// <summary>Nothing to score: the answer is only recorded (surveys, descriptions).</summary>
    Recorded,
}

/// <summary>The result of one question.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Score">Points earned, from 0 to <paramref name="MaxPoints"/>.</param>
/// <param name="MaxPoints">Points the question is worth (0 when <see cref="Outcome.Recorded"/>).</param>
/// <param name="Outcome">Correct, partial, wrong, ungraded or recorded.</param>
/// <param name="Feedback">The authors' feedback for this answer, then the question's general feedback (Markdown, or the question's format).</param>
public sealed record QuestionResult(string QuestionId, decimal Score, decimal MaxPoints, Outcome Outcome, IReadOnlyList<string> Feedback)
{
    /// <summary>True when the result counts towards the quiz score.</summary>
    [JsonIgnore]
    public bool Counts => Outcome != Outcome.Recorded;
}
