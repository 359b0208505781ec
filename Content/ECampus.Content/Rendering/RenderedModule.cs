namespace ECampus.Content.Rendering;

/// <summary>A module rendered for one learner's language.</summary>
/// <param name="Language">The language of the text (the default language when no translation exists); tell the learner.</param>
/// <param name="Title">Module title in that language.</param>
/// <param name="Html">Sanitised HTML; activity placeholders are <c>div.activity</c> elements with data attributes.</param>
/// <param name="Diagnostics">Problems met while rendering (only when the text was rejected).</param>
public sealed record RenderedModule(string Language, string Title, string Html, IReadOnlyList<Diagnostic> Diagnostics);
