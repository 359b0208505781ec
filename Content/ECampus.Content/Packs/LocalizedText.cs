namespace ECampus.Content;

/// <summary>
/// A module (or other text) in one language. <see cref="Language"/> says which language it actually is:
/// a missing translation falls back per file to the pack's default language, and the page should say so.
/// </summary>
/// <param name="Language">The language of this text, e.g. <c>fr</c>.</param>
/// <param name="Title">Title in that language.</param>
/// <param name="Markdown">Body in that language.</param>
/// <param name="SourceFile">File the text came from, e.g. <c>fr/01-intro.md</c>.</param>
/// <param name="BodyLine">File line on which <paramref name="Markdown"/> starts.</param>
public sealed record LocalizedText(string Language, string Title, string Markdown, string SourceFile, int BodyLine);
