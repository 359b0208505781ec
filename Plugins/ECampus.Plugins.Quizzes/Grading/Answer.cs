using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Grading;

/// <summary>A learner's answer to one question. Check it with <see cref="AnswerValidation"/> before storing it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ChoiceAnswer), "choice")]
[JsonDerivedType(typeof(TextAnswer), "text")]
[JsonDerivedType(typeof(NumberAnswer), "number")]
[JsonDerivedType(typeof(MatchingAnswer), "matching")]
[JsonDerivedType(typeof(OrderingAnswer), "ordering")]
[JsonDerivedType(typeof(ScaleAnswer), "scale")]
public abstract record Answer
{
    /// <summary>True when the learner left the question blank.</summary>
    [JsonIgnore]
    public abstract bool IsEmpty { get; }
}

/// <summary>The chosen option ids: choice, poll and true/false (<c>true</c> or <c>false</c>) questions.</summary>
/// <param name="OptionIds">The ids of the options chosen.</param>
public sealed record ChoiceAnswer(IReadOnlyList<string> OptionIds) : Answer
{
    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsEmpty => OptionIds is null or { Count: 0 };
}

/// <summary>Typed text: short answer, essay, free text (and numeric, read as a number).</summary>
/// <param name="Text">What the learner typed.</param>
public sealed record TextAnswer(string Text) : Answer
{
    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsEmpty => string.IsNullOrWhiteSpace(Text);
}

/// <summary>A number: numeric questions.</summary>
/// <param name="Value">The number.</param>
public sealed record NumberAnswer(decimal Value) : Answer
{
    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsEmpty => false;
}

/// <summary>Matches made: prompt (pair) id to the id of the chosen <see cref="Authoring.MatchChoice"/>.</summary>
/// <param name="Matches">Prompt id to choice id; prompts left unmatched are simply absent.</param>
public sealed record MatchingAnswer(IReadOnlyDictionary<string, string> Matches) : Answer
{
    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsEmpty => Matches is null or { Count: 0 };
}

/// <summary>Item ids in the order the learner put them.</summary>
/// <param name="ItemIds">Every item id, first to last.</param>
public sealed record OrderingAnswer(IReadOnlyList<string> ItemIds) : Answer
{
    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsEmpty => ItemIds is null or { Count: 0 };
}

/// <summary>A point on a Likert scale, from 1.</summary>
/// <param name="Value">The point chosen.</param>
public sealed record ScaleAnswer(int Value) : Answer
{
    /// <inheritdoc />
    [JsonIgnore]
    public override bool IsEmpty => false;
}
