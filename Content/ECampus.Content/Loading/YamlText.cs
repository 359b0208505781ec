using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ECampus.Content.Loading;

/// <summary>
/// Parses pack.yml and front matter into YamlDotNet's node tree, keeping positions for diagnostics.
/// The nesting pre-scan runs first because YamlDotNet builds the tree recursively: a line of
/// thousands of '[' overflows the stack, and a stack overflow cannot be caught.
/// </summary>
internal static class YamlText
{
    public const int MaxDepth = 32;

    /// <summary>The root mapping, or null when the text is empty or broken (broken text is reported).</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">File for diagnostics.</param>
    /// <param name="firstLine">File line of the first YAML line (front matter starts on line 2).</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="failed">True when the text was broken (and reported), false when it was fine or empty.</param>
    public static YamlMappingNode? ParseMapping(string text, string file, int firstLine, DiagnosticBag diagnostics, out bool failed)
    {
        failed = true;
        if (TooDeep(text) is { } deep)
        {
            diagnostics.Error(DiagnosticCodes.TooComplex, new SourcePoint(file, deep.Line + firstLine - 1, deep.Column),
                $"The YAML is nested more than {MaxDepth} levels deep.",
                "Pack settings are never that deep; check for runaway brackets or indentation.");
            return null;
        }

        var parser = new Parser(new StringReader(text));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line;
            var column = (int)e.Start.Column;
            if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndentedLine(text) is { } tabLine)
            {
                // YamlDotNet reports the start of the enclosing mapping; the author needs the line with the tab.
                (line, column) = (tabLine, 1);
            }

            var at = new SourcePoint(file, line + firstLine - 1, column);
            diagnostics.Error(DiagnosticCodes.BadYaml, at, $"The YAML does not parse: {Clean(e.Message)}", HintFor(e.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this for some truncated documents; the parser still knows where it stopped.
            var mark = parser.Current?.Start;
            var at = new SourcePoint(file, (int)(mark?.Line ?? 1) + firstLine - 1, (int)(mark?.Column ?? 1));
            diagnostics.Error(DiagnosticCodes.BadYaml, at, "The YAML does not parse: it ends while a bracket, brace or quote is still open.",
                "Close the bracket, brace or quote that starts here.");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            failed = false;
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            var start = stream.Documents[1].RootNode.Start;
            diagnostics.Error(DiagnosticCodes.BadYaml, new SourcePoint(file, (int)start.Line + firstLine - 1, (int)start.Column),
                "The YAML holds more than one document.", "Remove the extra '---' line.");
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode mapping)
        {
            failed = false;
            return mapping;
        }

        diagnostics.Error(DiagnosticCodes.WrongType, new SourcePoint(file, (int)root.Start.Line + firstLine - 1, (int)root.Start.Column),
            "The YAML should be a set of 'key: value' lines.", "Write one setting per line, e.g. 'title: My course'.");
        return null;
    }

    private static int? FirstTabIndentedLine(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i].AsSpan(0, indent).Contains('\t'))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static string Clean(string message) => message.Trim().TrimEnd('.') + ".";

    private static string HintFor(string message) =>
        message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? "Indent with spaces; YAML does not allow tabs."
        : message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) ? "Each key may appear only once; remove or merge the repeated key."
        : "Check quotes, colons and indentation around this position; text containing ': ' or '#' needs quotes.";

    /// <summary>
    /// A cheap over-estimate of nesting: indentation / 2 plus '- ' chains plus open flow brackets.
    /// Returns the first position over <see cref="MaxDepth"/>.
    /// </summary>
    internal static (int Line, int Column)? TooDeep(string text)
    {
        var flow = 0;
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var lineStart = i;
            var indent = 0;
            while (i < text.Length && text[i] == ' ')
            {
                indent++;
                i++;
            }

            var dashes = 0;
            while (i + 1 < text.Length && text[i] == '-' && (text[i + 1] == ' ' || text[i + 1] == '\n'))
            {
                dashes++;
                i += 2;
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }
            }

            var quote = '\0';
            for (; i < text.Length && text[i] != '\n'; i++)
            {
                var c = text[i];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }

                    continue;
                }

                if (c == '#' && (i == lineStart || char.IsWhiteSpace(text[i - 1])))
                {
                    i = text.IndexOf('\n', i) is var n and >= 0 ? n : text.Length;
                    break;
                }

                if ((c == '"' || c == '\'') && (i == lineStart || " [{,:".Contains(text[i - 1], StringComparison.Ordinal)))
                {
                    quote = c;
                }
                else if (c is '[' or '{')
                {
                    flow++;
                    if (indent / 2 + dashes + flow > MaxDepth)
                    {
                        return (line, i - lineStart + 1);
                    }
                }
                else if (c is ']' or '}')
                {
                    flow = Math.Max(0, flow - 1);
                }
            }

            if (indent / 2 + dashes + flow > MaxDepth)
            {
                return (line, 1);
            }

            i++;
            line++;
        }

        return null;
    }
}
