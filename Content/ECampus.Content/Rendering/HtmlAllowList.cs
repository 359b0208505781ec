using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace ECampus.Content.Rendering;

/// <summary>
/// The last step of rendering: HtmlSanitizer with a tight allow-list built from empty (never from the
/// library defaults). No script, style, form controls, frames, objects or SVG; no <c>on*</c> or <c>style</c>
/// attributes; URLs only http, https, mailto or relative. Ids and in-page links get a prefix so author
/// content cannot clobber page globals, and the activity data attributes survive only on the exact
/// placeholder element. One sanitiser per thread, because its per-call settings live in fields.
/// </summary>
internal sealed partial class HtmlAllowList
{
    private static readonly string[] UrlAttributes = ["href", "src"];

    private static readonly ThreadLocal<HtmlAllowList> PerThread = new(() => new HtmlAllowList());

    private readonly HtmlSanitizer sanitizer;
    private bool allowActivities;
    private string idPrefix = "";

    private HtmlAllowList()
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags = Set(
            "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
            "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small", "abbr", "cite", "q", "dfn",
            "code", "pre", "kbd", "samp", "var", "blockquote",
            "ul", "ol", "li", "dl", "dt", "dd",
            "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
            "a", "img", "figure", "figcaption", "div", "span", "section", "aside", "details", "summary");
        options.AllowedAttributes = Set(
            "href", "src", "alt", "title", "class", "id", "lang", "dir",
            "start", "reversed", "colspan", "rowspan", "scope", "open", "width", "height", "loading",
            "data-activity-type", "data-activity-id");
        options.UriAttributes = Set("href", "src");
        options.UriListAttributes = Set();
        options.AllowedSchemes = Set("http", "https", "mailto");
        options.AllowedClasses = Set(
            "callout", "callout-note", "callout-tip", "callout-warning", "block-title", "objectives", "activity",
            "contains-task-list", "task-list-item", "task-checkbox", "task-done",
            "footnotes", "footnote-ref", "footnote-back-ref", "align-left", "align-center", "align-right");
        options.AllowedCssProperties = Set();
        options.AllowDataAttributes = false;
        options.AllowCssCustomProperties = false;

        sanitizer = new HtmlSanitizer(options) { KeepChildNodes = false };
        sanitizer.RemovingCssClass += (_, e) => e.Cancel = e.Tag.LocalName == "code" && LanguageClass().IsMatch(e.CssClass);
        sanitizer.PostProcessNode += (_, e) => Tighten(e.Node);
    }

    /// <summary>Sanitises <paramref name="html"/>. Nothing may transform the result afterwards.</summary>
    public static string Sanitize(string html, bool allowActivities, string idPrefix)
    {
        var allowList = PerThread.Value!;
        allowList.allowActivities = allowActivities;
        allowList.idPrefix = idPrefix;
        return allowList.sanitizer.Sanitize(html);
    }

    private void Tighten(INode node)
    {
        if (node is not IElement element)
        {
            return;
        }

        if (element.GetAttribute("id") is { } id)
        {
            if (id.Length == 0)
            {
                element.RemoveAttribute("id");
            }
            else
            {
                element.SetAttribute("id", idPrefix + id);
            }
        }

        foreach (var name in UrlAttributes)
        {
            // Raw HTML skips the Markdown URL check; apply the same network-path and backslash rule here.
            if (element.GetAttribute(name) is { } url && !UrlPolicy.IsAllowed(url))
            {
                element.RemoveAttribute(name);
            }
        }

        if (element.GetAttribute("href") is { Length: > 1 } href && href[0] == '#')
        {
            element.SetAttribute("href", "#" + idPrefix + href[1..]);
        }

        if (element.HasAttribute("data-activity-type") || element.HasAttribute("data-activity-id"))
        {
            var keep = allowActivities
                && element.LocalName == "div"
                && element.GetAttribute("class") == "activity"
                && element.GetAttribute("data-activity-type") is { } type && CustomBlockRenderer.IdPattern().IsMatch(type)
                && element.GetAttribute("data-activity-id") is { } activityId && CustomBlockRenderer.IdPattern().IsMatch(activityId)
                && element.Attributes.Length == 3;
            if (!keep)
            {
                element.RemoveAttribute("data-activity-type");
                element.RemoveAttribute("data-activity-id");
            }
        }
    }

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("^language-[a-z0-9+#-]{1,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageClass();
}
