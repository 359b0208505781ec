using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>A typed number compared with accepted ranges (a value with a tolerance is a range).</summary>
public sealed record NumericQuestion : Question
{
    /// <summary>The accepted ranges; the best match counts.</summary>
    public required IReadOnlyList<NumericRange> Answers { get; init; }

    /// <summary>Shown when the number fell in none of <see cref="Answers"/>; null when none.</summary>
    public string? OtherwiseFeedback { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionType Type => QuestionType.Numeric;
}

/// <summary>Numbers from <paramref name="Min"/> to <paramref name="Max"/>, both included.</summary>
/// <param name="Min">Lowest accepted value.</param>
/// <param name="Max">Highest accepted value.</param>
/// <param name="Weight">Percent of the points it earns (1–100).</param>
/// <param name="Feedback">Shown when the number fell in the range; null when none.</param>
public sealed record NumericRange(decimal Min, decimal Max, decimal Weight = 100, string? Feedback = null)
{
    /// <summary>A value with a tolerance either side (<c>42 ± 0.5</c>).</summary>
    public static NumericRange Around(decimal value, decimal tolerance, decimal weight = 100, string? feedback = null) =>
        new(value - tolerance, value + tolerance, weight, feedback);

    /// <summary>Whether <paramref name="value"/> is accepted.</summary>
    public bool Contains(decimal value) => Min <= value && value <= Max;
}
