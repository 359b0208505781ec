using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// The Markdown source behind Markdig's blocks, as the author wrote it. Quiz text is kept as source for the
/// engine to render, so it is sliced from the file rather than rebuilt from the syntax tree.
/// </summary>
internal sealed partial class MarkdownSource(SourceText source)
{
    public SourcePosition At(Block block) => source.PositionOf(block.Span.Start);

    public SourcePosition PositionOf(int offset) => source.PositionOf(offset);

    /// <summary>A file line's text (line from 1).</summary>
    public string Line(int line) => source.Line(line - 1);

    /// <summary>
    /// The source of consecutive blocks. Where something was left out between two of them (a <c>gift</c> block,
    /// which holds answers), the parts are joined with a blank line instead, so it cannot leak into the text.
    /// </summary>
    public string Slice(IReadOnlyList<Block> blocks)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < blocks.Count)
        {
            var j = i;
            while (j + 1 < blocks.Count && string.IsNullOrWhiteSpace(Between(blocks[j], blocks[j + 1])))
            {
                j++;
            }

            parts.Add(source.Text[blocks[i].Span.Start..End(blocks[j])].Trim());
            i = j + 1;
        }

        return string.Join("\n\n", parts.Where(p => p.Length > 0));
    }

    /// <summary>A heading's text (markers and closing hashes removed) and where it starts.</summary>
    public (string Text, SourcePosition At) HeadingText(HeadingBlock heading)
    {
        if (heading.IsSetext)
        {
            var start = source.PositionOf(heading.Span.Start);
            var underline = source.PositionOf(heading.Span.End).Line;
            var lines = Enumerable.Range(start.Line - 1, Math.Max(1, underline - start.Line)).Select(source.Line);
            return (string.Join(" ", lines.Select(l => l.Trim())), start);
        }

        var line = source.Line(heading.Line);
        var marker = AtxMarker().Match(line);
        return (AtxClosing().Replace(line[marker.Length..], ""), new SourcePosition(heading.Line + 1, marker.Length + 1));
    }

    /// <summary>A paragraph's source; continuation lines lose their indentation. (Markdig frees a paragraph's lines once its inlines are parsed.)</summary>
    public string ParagraphText(ParagraphBlock paragraph)
    {
        var lines = source.Text[paragraph.Span.Start..End(paragraph)].Split('\n');
        return string.Join("\n", lines.Select((line, i) => i == 0 ? line.TrimEnd() : line.Trim()));
    }

    /// <summary>A quote's Markdown without its '>' markers.</summary>
    public string QuoteText(QuoteBlock quote)
    {
        var lastLine = source.PositionOf(End(quote) - 1).Line - 1;
        var lines = new List<string>();
        for (var i = quote.Line; i <= lastLine; i++)
        {
            var line = source.Line(i);
            var start = 0;
            while (start < line.Length && start < quote.Column && char.IsWhiteSpace(line[start]))
            {
                start++;
            }

            line = line[start..];
            lines.Add(line.StartsWith('>') ? (line.Length > 1 && line[1] == ' ' ? line[2..] : line[1..]) : line.TrimStart());
        }

        return string.Join("\n", lines).Trim();
    }

    private string Between(Block first, Block second) =>
        source.Text[Math.Min(End(first), second.Span.Start)..second.Span.Start];

    private int End(Block block) => Math.Min(block.Span.End + 1, source.Text.Length);

    [GeneratedRegex(@"^\s{0,3}#{1,6}[ \t]*", RegexOptions.CultureInvariant)]
    private static partial Regex AtxMarker();

    [GeneratedRegex(@"(?:[ \t]+#+)?[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AtxClosing();
}
