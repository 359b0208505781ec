using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Prompts to match with answers; each right pair earns its share.</summary>
public sealed record MatchingQuestion : Question
{
    /// <summary>The pairs in written order.</summary>
    public required IReadOnlyList<MatchPair> Pairs { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionType Type => QuestionType.Matching;

    /// <summary>
    /// The answers a learner chooses from: each distinct answer text once, numbered <c>1</c>, <c>2</c>, ... in
    /// alphabetical order, so neither the ids nor their order give a pair away.
    /// </summary>
    public IReadOnlyList<MatchChoice> Choices() =>
        Pairs.Select(p => p.Match).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((text, index) => new MatchChoice((index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), text))
            .ToArray();
}

/// <summary>A prompt and its answer.</summary>
/// <param name="Id">Stable within the question: <c>a</c>, <c>b</c>, ... in written order.</param>
/// <param name="Prompt">The left side.</param>
/// <param name="Match">The right side.</param>
public sealed record MatchPair(string Id, string Prompt, string Match);

/// <summary>An answer a learner can match to a prompt.</summary>
/// <param name="Id">Its id in answers.</param>
/// <param name="Text">Its text.</param>
public sealed record MatchChoice(string Id, string Text);
