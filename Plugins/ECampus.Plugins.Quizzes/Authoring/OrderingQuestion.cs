using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Items to put in order; the longest run in the right relative order earns credit.</summary>
public sealed record OrderingQuestion : Question
{
    /// <summary>The items in the right order.</summary>
    public required IReadOnlyList<OrderItem> Items { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override QuestionType Type => QuestionType.Ordering;
}

/// <summary>An item to order.</summary>
/// <param name="Id">Derived from the text (not the position), so the id does not reveal the order.</param>
/// <param name="Text">The item.</param>
public sealed record OrderItem(string Id, string Text);
