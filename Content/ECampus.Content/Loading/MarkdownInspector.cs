using System.Text.RegularExpressions;
using ECampus.Content.Rendering;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ECampus.Content.Loading;

/// <summary>
/// Validates a Markdown body of a pack file: nesting pre-scan, custom blocks, activity blocks, raw HTML,
/// and every link and image. Positions are converted to real file lines using the body's first line.
/// </summary>
internal sealed partial class MarkdownInspector(
    PackLimits limits,
    IReadOnlyCollection<string> activityTypes,
    bool allowRawHtml,
    Func<string, bool> isAsset,
    Func<string, bool> isModuleFile,
    DiagnosticBag diagnostics)
{
    /// <summary>Checks a module body and returns its activity blocks.</summary>
    public List<ActivityRef> InspectModule(string file, string body, int firstLine) =>
        Inspect(file, body, firstLine, checkBlocks: true);

    /// <summary>Checks an activity body: only size, nesting and links; its syntax belongs to the plug-in.</summary>
    public void InspectActivity(string file, string body, int firstLine) =>
        Inspect(file, body, firstLine, checkBlocks: false);

    private List<ActivityRef> Inspect(string file, string body, int firstLine, bool checkBlocks)
    {
        var refs = new List<ActivityRef>();
        if (MarkdownComplexity.Check(body, int.MaxValue, limits.MaxNestingDepth) is { } issue)
        {
            diagnostics.Error(DiagnosticCodes.TooComplex, new SourcePoint(file, issue.Line + firstLine - 1, issue.Column), issue.Message,
                "Flatten the nesting: deeply nested quotes, lists or blocks are hard to read on a phone anyway.");
            return refs;
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(body, MarkdownPipelines.WithHtml);
        }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Error(DiagnosticCodes.TooComplex, SourcePoint.WholeFile(file), "The Markdown is nested too deeply to display.",
                "Look for long runs of emphasis markers (* and _) or brackets.");
            return refs;
        }
#pragma warning disable CA1031 // A parser bug on one file must become a diagnostic, not stop the whole load.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            diagnostics.Error(DiagnosticCodes.TooComplex, SourcePoint.WholeFile(file), $"The Markdown could not be processed ({e.GetType().Name}).",
                "Simplify the text around unusual constructs and report the file to the ECampus maintainers.");
            return refs;
        }

        var rawHtml = new List<SourcePoint>();
        foreach (var node in document.Descendants())
        {
            var at = new SourcePoint(file, node.Line + firstLine, node.Column + 1);
            switch (node)
            {
                case CustomContainer block when checkBlocks:
                    CheckBlock(block, at, refs);
                    break;
                case LinkInline link when link.GetDynamicUrl is null:
                    PackLinks.Check(file, link.Url ?? "", link.IsImage, at, isAsset, isModuleFile, diagnostics);
                    break;
                case AutolinkInline autolink when !autolink.IsEmail:
                    PackLinks.Check(file, autolink.Url, isImage: false, at, isAsset, isModuleFile, diagnostics);
                    break;
                case HtmlBlock html:
                    rawHtml.Add(at);
                    CheckHtmlUrls(file, html.Lines.ToString(), at);
                    break;
                case HtmlInline html:
                    rawHtml.Add(at);
                    CheckHtmlUrls(file, html.Tag, at);
                    break;
            }
        }

        if (!allowRawHtml && rawHtml.Count > 0)
        {
            var more = rawHtml.Count > 1 ? $" ({rawHtml.Count} places in this file)" : "";
            diagnostics.Warning(DiagnosticCodes.RawHtmlNotAllowed, rawHtml[0],
                $"Raw HTML is not allowed in this pack and will be shown as text{more}.",
                "Use Markdown instead, or set 'raw-html: true' in pack.yml if an administrator trusts this pack.");
        }

        return refs;
    }

    private void CheckBlock(CustomContainer block, SourcePoint at, List<ActivityRef> refs)
    {
        var name = CustomBlocks.NameOf(block);
        if (block.ClosingFencedCharCount == 0)
        {
            diagnostics.Error(DiagnosticCodes.UnclosedBlock, at, $"The ':::{name}' block is never closed, so it swallows the rest of the text.",
                "Close it with a line containing only ':::'.");
        }

        if (!CustomBlocks.Names.Contains(name))
        {
            var hint = activityTypes.Contains(name)
                ? $"Activities are written ':::activity {name} ID'."
                : Suggest.DidYouMean(name, CustomBlocks.Names) ?? $"Known blocks: {string.Join(", ", CustomBlocks.Names)}.";
            diagnostics.Error(DiagnosticCodes.UnknownBlock, at, $"Unknown block ':::{name}'.", hint);
            return;
        }

        if (name != CustomBlocks.Activity)
        {
            return;
        }

        var arguments = CustomBlocks.ArgumentsOf(block);
        if (arguments.Length != 2)
        {
            diagnostics.Error(DiagnosticCodes.MalformedBlock, at,
                arguments.Length < 2 ? "An activity block needs a type and an id." : $"An activity block takes a type and an id, not {arguments.Length} words.",
                "Write ':::activity TYPE ID', e.g. ':::activity quiz pre-test'.");
            return;
        }

        var (type, id) = (arguments[0], arguments[1]);
        if (!activityTypes.Contains(type))
        {
            diagnostics.Error(DiagnosticCodes.UnknownActivityType, at, $"Unknown activity type '{type}'.",
                Suggest.DidYouMean(type, activityTypes) ?? $"Installed types: {string.Join(", ", activityTypes.Order(StringComparer.Ordinal))}.");
            return;
        }

        if (!PackFiles.IsValidId(id))
        {
            diagnostics.Error(DiagnosticCodes.InvalidId, at, $"'{id}' is not a valid activity id.", "Use lower-case letters, digits and dashes.");
            return;
        }

        refs.Add(new ActivityRef(type, id, at.Line, at.Column));
    }

    /// <summary>Raw HTML keeps its URLs only when the pack allows raw HTML; otherwise it is inert text.</summary>
    private void CheckHtmlUrls(string file, string html, SourcePoint at)
    {
        if (!allowRawHtml)
        {
            return;
        }

        foreach (Match match in HtmlUrlAttribute().Matches(html))
        {
            var value = match.Groups["v"].Value.Trim('"', '\'');
            PackLinks.Check(file, System.Net.WebUtility.HtmlDecode(value), isImage: match.Groups["a"].Value.Equals("src", StringComparison.OrdinalIgnoreCase),
                at, isAsset, isModuleFile, diagnostics);
        }
    }

    [GeneratedRegex("""\b(?<a>href|src)\s*=\s*(?<v>"[^"]*"|'[^']*'|[^\s>]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlUrlAttribute();
}
