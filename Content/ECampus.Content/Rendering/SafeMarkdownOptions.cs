using System.Collections.Frozen;

namespace ECampus.Content.Rendering;

/// <summary>Per-call settings for <see cref="SafeMarkdown.Render"/>. The defaults suit untrusted text.</summary>
public sealed record SafeMarkdownOptions
{
    /// <summary>No raw HTML, no activities, 1 MB, nesting 32.</summary>
    public static SafeMarkdownOptions Default { get; } = new();

    /// <summary>The settings for forum posts: as <see cref="Default"/> but at most 64 KB.</summary>
    public static SafeMarkdownOptions ForumPost { get; } = new() { MaxLength = 64 * 1024 };

    /// <summary>
    /// When false (the default), raw HTML in the Markdown is shown as text. When true it is parsed and then
    /// sanitised like everything else; use it only for sources an administrator trusts (pack setting <c>raw-html</c>).
    /// </summary>
    public bool AllowRawHtml { get; init; }

    /// <summary>
    /// Activity types whose <c>:::activity TYPE ID</c> blocks become placeholders. Empty (the default) renders
    /// every activity block as plain text, which is what forum posts need.
    /// </summary>
    public IReadOnlySet<string> ActivityTypes { get; init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// Rewrites relative link and image URLs (e.g. <c>assets/map.png</c> to <c>/courses/x/assets/map.png</c>);
    /// return null to drop the link. The result is still checked against the scheme allow-list and sanitised.
    /// </summary>
    public Func<string, string?>? RewriteRelativeUrl { get; init; }

    /// <summary>Longest accepted text in characters; longer text is rejected before parsing.</summary>
    public int MaxLength { get; init; } = 1024 * 1024;

    /// <summary>Deepest accepted nesting; deeper text is rejected before parsing.</summary>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>
    /// Prefix for every id in the output and every in-page link (<c>#x</c> becomes <c>#user-content-x</c>),
    /// so content cannot shadow page elements or globals. Use a distinct prefix per post when several render on one page.
    /// </summary>
    public string IdPrefix { get; init; } = "user-content-";

    /// <summary>File named in diagnostics (relative to the pack), if any.</summary>
    public string SourceFile { get; init; } = "";

    /// <summary>File line of the first line of the text, so diagnostics point at real lines.</summary>
    public int FirstLine { get; init; } = 1;
}
