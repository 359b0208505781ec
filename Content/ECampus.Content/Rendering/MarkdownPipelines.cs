using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;

namespace ECampus.Content.Rendering;

/// <summary>
/// The Markdig pipelines, built once and shared (a built pipeline is thread-safe). Only extensions that
/// produce markup the sanitiser allows are enabled; generic attributes, media embeds, math and diagrams are not.
/// </summary>
internal static class MarkdownPipelines
{
    /// <summary>Backstop behind <see cref="MarkdownComplexity"/>: Markdig throws rather than recursing past this.</summary>
    public const int MarkdigNestingLimit = 64;

    /// <summary>Raw HTML is parsed as HTML (and sanitised later).</summary>
    public static MarkdownPipeline WithHtml { get; } = Build(allowHtml: true);

    /// <summary>Raw HTML is shown as text.</summary>
    public static MarkdownPipeline WithoutHtml { get; } = Build(allowHtml: false);

    private static MarkdownPipeline Build(bool allowHtml)
    {
        var builder = new MarkdownPipelineBuilder { MaximumNestingDepth = MarkdigNestingLimit }
            .UsePipeTables()
            .UseTaskLists()
            .UseFootnotes()
            .UseFigures()
            .UseDefinitionLists()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseCustomContainers()
            .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough | EmphasisExtraOptions.Subscript | EmphasisExtraOptions.Superscript)
            .UseAutoLinks();
        if (!allowHtml)
        {
            builder.DisableHtml();
        }

        return builder.Build();
    }
}
