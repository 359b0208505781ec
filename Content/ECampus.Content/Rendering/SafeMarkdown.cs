using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Syntax;

namespace ECampus.Content.Rendering;

/// <summary>
/// The one Markdown-to-HTML pipeline for pack modules, activity texts and forum posts:
/// pre-scan (size, nesting) → Markdig (tables, task lists, footnotes, figures, heading ids, <c>:::</c> blocks)
/// → URL rewrite and scheme allow-list → HtmlSanitizer allow-list → done. Nothing runs after the sanitiser.
/// Thread-safe; create one and share it (or use <see cref="Shared"/>).
/// </summary>
public sealed partial class SafeMarkdown
{
    /// <summary>A shared instance; the pipelines inside are built once.</summary>
    public static SafeMarkdown Shared { get; } = new();

    /// <summary>Renders <paramref name="markdown"/> to sanitised HTML.</summary>
    /// <param name="markdown">Untrusted Markdown.</param>
    /// <param name="options">Settings; <see cref="SafeMarkdownOptions.Default"/> when null.</param>
    public MarkdownRenderResult Render(string markdown, SafeMarkdownOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        options ??= SafeMarkdownOptions.Default;
        if (!IdPrefixPattern().IsMatch(options.IdPrefix))
        {
            throw new ArgumentException("IdPrefix must be lower-case letters, digits and dashes, starting with a letter.", nameof(options));
        }

        if (MarkdownComplexity.Check(markdown, options.MaxLength, options.MaxNestingDepth) is { } issue)
        {
            return Rejected(options, issue.Line, issue.Column, issue.Message);
        }

        var pipeline = options.AllowRawHtml ? MarkdownPipelines.WithHtml : MarkdownPipelines.WithoutHtml;
        string html;
        try
        {
            var document = Markdown.Parse(markdown, pipeline);
            LinkSafety.Apply(document, options.RewriteRelativeUrl);
            html = ToHtml(document, pipeline, options);
        }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            // Markdig's own depth guard: the pre-scan missed a shape (e.g. runs of emphasis), so reject the same way.
            return Rejected(options, 0, 0, "The Markdown is nested too deeply to display (for example long runs of * and _).");
        }
#pragma warning disable CA1031 // Text from authors and learners must never take a page (or the site) down; a parser bug becomes a rejection.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Rejected(options, 0, 0, $"The Markdown could not be processed ({e.GetType().Name}).");
        }

        var safe = HtmlAllowList.Sanitize(html, allowActivities: options.ActivityTypes.Count > 0, options.IdPrefix);
        return new MarkdownRenderResult(safe, []);
    }

    private static string ToHtml(MarkdownDocument document, MarkdownPipeline pipeline, SafeMarkdownOptions options)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        if (!renderer.ObjectRenderers.Replace<HtmlCustomContainerRenderer>(new CustomBlockRenderer(options.ActivityTypes))
            || !renderer.ObjectRenderers.Replace<HtmlTaskListRenderer>(new TaskListRenderer()))
        {
            throw new InvalidOperationException("The Markdig renderers to replace were not found; check the pipeline extensions.");
        }

        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static MarkdownRenderResult Rejected(SafeMarkdownOptions options, int line, int column, string message)
    {
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.TooComplex, options.SourceFile,
            line == 0 ? 0 : line + options.FirstLine - 1, column, message,
            "Split the text into smaller parts and flatten deeply nested quotes or lists.");
        return new MarkdownRenderResult("", [diagnostic]);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPrefixPattern();
}
