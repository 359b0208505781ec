using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ECampus.Content.Rendering;

/// <summary>
/// The step between parsing and rendering: relative URLs are rewritten by the caller (asset and module
/// URLs), then every link, image and autolink is checked against <see cref="UrlPolicy"/>. A link that fails
/// keeps its text; an image that fails keeps its alt text. Table alignment moves from inline styles
/// (which the sanitiser drops) to classes.
/// </summary>
internal static class LinkSafety
{
    public static void Apply(MarkdownDocument document, Func<string, string?>? rewrite)
    {
        var links = new List<LinkInline>();
        var autolinks = new List<AutolinkInline>();
        var tables = new List<Table>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    links.Add(link);
                    break;
                case AutolinkInline autolink:
                    autolinks.Add(autolink);
                    break;
                case Table table:
                    tables.Add(table);
                    break;
            }
        }

        foreach (var link in links)
        {
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url ?? "";
            var safe = Check(url, rewrite);
            if (safe is null)
            {
                Unwrap(link);
                continue;
            }

            link.GetDynamicUrl = null;
            link.Url = safe;
            if (link.IsImage)
            {
                link.GetAttributes().AddProperty("loading", "lazy");
            }
        }

        foreach (var autolink in autolinks)
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!UrlPolicy.IsAllowed(url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        foreach (var table in tables)
        {
            AlignWithClasses(table);
        }
    }

    private static string? Check(string url, Func<string, string?>? rewrite)
    {
        if (rewrite is not null && UrlPolicy.IsRewritable(url))
        {
            var rewritten = rewrite(url);
            if (rewritten is null)
            {
                return null;
            }

            url = rewritten;
        }

        return UrlPolicy.IsAllowed(url) ? url : null;
    }

    /// <summary>Replaces a link or image by its content (link text, or alt text for an image).</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    private static void AlignWithClasses(Table table)
    {
        var alignments = table.ColumnDefinitions.Select(c => c.Alignment).ToArray();
        foreach (var definition in table.ColumnDefinitions)
        {
            definition.Alignment = null;
        }

        foreach (var row in table.OfType<TableRow>())
        {
            var position = 0;
            foreach (var cell in row.OfType<TableCell>())
            {
                // Pipe tables leave ColumnIndex at -1; the cell's position in the row is its column.
                var index = cell.ColumnIndex >= 0 ? cell.ColumnIndex : position;
                position++;
                if (index >= 0 && index < alignments.Length && alignments[index] is { } alignment)
                {
                    cell.GetAttributes().AddClass(alignment switch
                    {
                        TableColumnAlign.Center => "align-center",
                        TableColumnAlign.Right => "align-right",
                        _ => "align-left",
                    });
                }
            }
        }
    }
}
