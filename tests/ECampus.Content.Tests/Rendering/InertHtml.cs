using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ECampus.Content.Tests.Rendering;

/// <summary>
/// An independent check that HTML is inert, written against the rules rather than the implementation:
/// parse it as a browser would and list everything that could run script, submit data or clobber the page.
/// </summary>
internal static class InertHtml
{
    private static readonly HashSet<string> AllowedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark",
        "sub", "sup", "small", "abbr", "cite", "q", "dfn", "code", "pre", "kbd", "samp", "var", "blockquote",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
        "a", "img", "figure", "figcaption", "div", "span", "section", "aside", "details", "summary",
    };

    public static IReadOnlyList<string> Problems(string html)
    {
        var problems = new List<string>();
        var document = new HtmlParser().ParseDocument("<!doctype html><html><head></head><body>" + html + "</body></html>");
        if (document.Head!.ChildNodes.Length > 0)
        {
            problems.Add("content reached <head>: " + document.Head.InnerHtml);
        }

        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            if (!AllowedElements.Contains(element.LocalName))
            {
                problems.Add($"element <{element.LocalName}>");
            }

            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name.ToLowerInvariant();
                if (name.StartsWith("on", StringComparison.Ordinal))
                {
                    problems.Add($"event handler {name} on <{element.LocalName}>");
                }
                else if (name is "style" or "name" or "srcset" or "action" or "formaction" or "srcdoc" or "target")
                {
                    problems.Add($"attribute {name} on <{element.LocalName}>");
                }
                else if (name is "href" or "src" && !IsSafeUrl(attribute.Value))
                {
                    problems.Add($"unsafe {name}=\"{attribute.Value}\" on <{element.LocalName}>");
                }
                else if (name == "id" && !attribute.Value.StartsWith("user-content-", StringComparison.Ordinal))
                {
                    problems.Add($"unprefixed id=\"{attribute.Value}\"");
                }
                else if (name.StartsWith("data-", StringComparison.Ordinal) && !IsActivityPlaceholder(element))
                {
                    problems.Add($"data attribute {name} on <{element.LocalName} class=\"{element.ClassName}\">");
                }
            }
        }

        return problems;
    }

    private static bool IsActivityPlaceholder(IElement element) =>
        element.LocalName == "div" && element.ClassName == "activity" && element.Attributes.Length == 3
        && element.HasAttribute("data-activity-type") && element.HasAttribute("data-activity-id");

    /// <summary>http, https, mailto, or a reference that a browser resolves against this site.</summary>
    private static bool IsSafeUrl(string value)
    {
        var url = new string(value.Where(c => c is not ('\t' or '\n' or '\r')).ToArray()).Trim((char[])[.. Enumerable.Range(0, 33).Select(i => (char)i)]);
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = url.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (firstDelimiter < 0 || colon < firstDelimiter);
        if (!hasScheme)
        {
            return true;
        }

        var scheme = url[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }
}
