namespace ECampus.Plugins.Quizzes.Grading;

/// <summary>Something a learner picks, orders or matches: its id and text, nothing about whether it is right.</summary>
/// <param name="Id">The id to send back in the answer.</param>
/// <param name="Text">The text, in the question's format.</param>
public sealed record ViewOption(string Id, string Text)
{
    /// <summary>The text as sanitised HTML, once the site rendered it; null until then.</summary>
    public string? Html { get; init; }
}
