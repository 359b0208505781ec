namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>One option or answer as written in a Markdown list, before it becomes part of a question.</summary>
/// <param name="Text">The text, without checkbox, weight or id.</param>
/// <param name="At">Where the text starts.</param>
/// <param name="Checked">The checkbox: true for <c>[x]</c>, false for <c>[ ]</c>, null for a plain item.</param>
/// <param name="Weight">The written weight in percent, or null.</param>
/// <param name="Feedback">The quote nested under it, or null.</param>
/// <param name="Id">An explicit <c>{#id}</c>, or null.</param>
internal sealed record ListEntry(string Text, SourcePosition At, bool? Checked, decimal? Weight, string? Feedback, string? Id);
