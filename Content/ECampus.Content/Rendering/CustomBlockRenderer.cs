using System.Text.RegularExpressions;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ECampus.Content.Rendering;

/// <summary>
/// Renders <c>:::</c> blocks. Callouts and objectives become a classed container; an activity block becomes
/// the placeholder <c>&lt;div class="activity" data-activity-type="…" data-activity-id="…"&gt;</c> that the
/// engine replaces with the live activity. Unknown blocks, and activities of types not on offer, render as a
/// plain <c>div</c> so their text is still readable.
/// </summary>
internal sealed partial class CustomBlockRenderer(IReadOnlySet<string> activityTypes) : HtmlObjectRenderer<CustomContainer>
{
    protected override void Write(HtmlRenderer renderer, CustomContainer obj)
    {
        var name = CustomBlocks.NameOf(obj);
        renderer.EnsureLine();
        if (CustomBlocks.IsCallout(name))
        {
            renderer.Write("<div class=\"callout callout-").Write(name).Write("\">");
            WriteTitle(renderer, obj.Arguments);
        }
        else if (name == CustomBlocks.Objectives)
        {
            renderer.Write("<section class=\"objectives\">");
            WriteTitle(renderer, obj.Arguments);
        }
        else if (name == CustomBlocks.Activity && CustomBlocks.ArgumentsOf(obj) is [var type, var id]
            && activityTypes.Contains(type) && IdPattern().IsMatch(type) && IdPattern().IsMatch(id))
        {
            renderer.Write("<div class=\"activity\" data-activity-type=\"").Write(type)
                .Write("\" data-activity-id=\"").Write(id).Write("\">");
        }
        else
        {
            renderer.Write("<div>");
        }

        renderer.WriteLine();
        renderer.WriteChildren(obj);
        renderer.EnsureLine();
        renderer.WriteLine(name == CustomBlocks.Objectives ? "</section>" : "</div>");
    }

    private static void WriteTitle(HtmlRenderer renderer, string? title)
    {
        if (!string.IsNullOrWhiteSpace(title))
        {
            renderer.Write("<p class=\"block-title\">").WriteEscape(title.Trim()).Write("</p>");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    internal static partial Regex IdPattern();
}
