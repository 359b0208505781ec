using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// Reads a Markdown quiz file: front matter, an optional introduction, then one <c>##</c> section per question;
/// fenced <c>gift</c> blocks anywhere add the GIFT questions they hold at that place.
/// </summary>
internal static class MarkdownQuizReader
{
    /// <summary>Markdig throws rather than recursing past this; the same limit the pack renderer uses.</summary>
    private const int NestingLimit = 64;

    /// <summary>Block structure must match what the engine renders, so the same block extensions are on.</summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = NestingLimit }
        .UsePipeTables()
        .UseTaskLists()
        .UseFootnotes()
        .UseFigures()
        .UseDefinitionLists()
        .UseCustomContainers()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough | EmphasisExtraOptions.Subscript | EmphasisExtraOptions.Superscript)
        .Build();

    public static Quiz? Read(string text, QuizSource source, ProblemList problems)
    {
        if (!SplitFrontMatter(text, out var yaml, out var bodyStart))
        {
            problems.Error(SourcePosition.Start, QuizProblemCodes.FrontMatter, "The front matter opened on line 1 is never closed.",
                "End the front matter with a line containing only '---'.");
            return null;
        }

        var header = FrontMatterReader.Read(yaml, 2, source, problems);
        if (MarkdownNesting.TooDeep(text[bodyStart..]) is { } deepLine)
        {
            problems.Error(new SourcePosition(deepLine + text[..bodyStart].Count(c => c == '\n'), 1), QuizProblemCodes.TooComplex,
                $"Quotes or lists are nested more than {MarkdownNesting.MaxDepth} levels deep.", "Flatten the nesting: it cannot be read on a phone anyway.");
            return null;
        }

        var document = ParseMarkdown(MaskFrontMatter(text, bodyStart), problems);
        if (document is null)
        {
            return null;
        }

        var markdown = new MarkdownSource(new SourceText(text));
        var questionReader = new MarkdownQuestionReader(markdown, problems, header.Settings.Kind == QuizKind.Survey, source.Language);
        var questions = new List<(Question Question, SourcePosition At)>();
        string? headingTitle = null;
        var introduction = new List<Block>();
        foreach (var section in Sections(document))
        {
            var content = section.Blocks.Where(b => !IsGift(b)).ToList();
            if (section.Heading is null)
            {
                if (content.FirstOrDefault() is HeadingBlock { Level: 1 } title)
                {
                    headingTitle = markdown.HeadingText(title).Text.Trim();
                    content.RemoveAt(0);
                }

                introduction.AddRange(content);
            }
            else if (content.Count > 0 || !section.Blocks.Any(IsGift))
            {
                if (questionReader.Read(section.Heading, content) is { } question)
                {
                    questions.Add((question, markdown.At(section.Heading)));
                }
            }

            foreach (var gift in section.Blocks.OfType<FencedCodeBlock>().Where(IsGift))
            {
                var lines = Enumerable.Range(0, gift.Lines.Count).Select(i => gift.Lines.Lines[i].Slice.ToString());
                questions.AddRange(GiftQuestionReader.Read(string.Join("\n", lines), gift.Line + 2, gift.Column, source.Language, problems));
            }
        }

        return QuizAssembly.Build(header, headingTitle, source, markdown.Slice(introduction), questions, problems);
    }

    private static MarkdownDocument? ParseMarkdown(string markdown, ProblemList problems)
    {
        try
        {
            return Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("nest", StringComparison.OrdinalIgnoreCase))
        {
            problems.Error(SourcePosition.Start, QuizProblemCodes.TooComplex, "The Markdown is nested too deeply to display.",
                "Look for long runs of '>' quotes, list markers, emphasis markers or brackets.");
            return null;
        }
#pragma warning disable CA1031 // A parser failure on one file must become a problem report, not an error page.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            problems.Error(SourcePosition.Start, QuizProblemCodes.TooComplex, $"The Markdown could not be processed ({e.GetType().Name}).",
                "Simplify the text around unusual constructs.");
            return null;
        }
    }

    private static IEnumerable<(HeadingBlock? Heading, List<Block> Blocks)> Sections(MarkdownDocument document)
    {
        (HeadingBlock? Heading, List<Block> Blocks) current = (null, []);
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 2 } heading)
            {
                yield return current;
                current = (heading, []);
            }
            else
            {
                current.Blocks.Add(block);
            }
        }

        yield return current;
    }

    private static bool IsGift(Block block) =>
        block is FencedCodeBlock fenced && string.Equals(fenced.Info?.Trim(), "gift", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Splits off front matter the way the pack loader does: '---' on line 1 up to a line '---' or '...'.
    /// False when it is opened but never closed.
    /// </summary>
    private static bool SplitFrontMatter(string text, out string? yaml, out int bodyStart)
    {
        yaml = null;
        bodyStart = 0;
        if (!IsFence(text, 0, out var afterOpening))
        {
            return true;
        }

        var position = afterOpening;
        while (position < text.Length)
        {
            if (IsFence(text, position, out var afterClosing))
            {
                yaml = text[afterOpening..position];
                bodyStart = afterClosing;
                return true;
            }

            var next = text.IndexOf('\n', position);
            if (next < 0)
            {
                break;
            }

            position = next + 1;
        }

        return false;
    }

    private static bool IsFence(string text, int start, out int after)
    {
        after = start;
        var fence = string.CompareOrdinal(text, start, "---", 0, 3) == 0 || (start > 0 && string.CompareOrdinal(text, start, "...", 0, 3) == 0);
        if (!fence)
        {
            return false;
        }

        var end = start + 3;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        if (end < text.Length && text[end] != '\n')
        {
            return false;
        }

        after = Math.Min(end + 1, text.Length);
        return true;
    }

    /// <summary>Blanks the front matter but keeps its line breaks, so Markdig's positions are file positions.</summary>
    private static string MaskFrontMatter(string text, int bodyStart)
    {
        if (bodyStart == 0)
        {
            return text;
        }

        var masked = text.ToCharArray();
        for (var i = 0; i < bodyStart; i++)
        {
            if (masked[i] != '\n')
            {
                masked[i] = ' ';
            }
        }

        return new string(masked);
    }
}
