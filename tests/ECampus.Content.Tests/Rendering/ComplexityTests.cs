using System.Diagnostics;
using ECampus.Content.Rendering;

namespace ECampus.Content.Tests.Rendering;

/// <summary>Hostile shapes must end in a clean "too complex" result (or harmless HTML), never a crash or a hang.</summary>
public class ComplexityTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private static IEnumerable<TestCaseData> HostileInputs()
    {
        yield return new TestCaseData(new string('>', 100_000) + " deep").SetName("Quotes_100000Deep_AreRejected");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("> ", 50_000)) + "deep").SetName("SpacedQuotes_50000Deep_AreRejected");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("- ", 10_000)) + "deep").SetName("ListMarkersOnOneLine_10000Deep_AreRejected");
        yield return new TestCaseData(string.Concat(Enumerable.Range(0, 10_000).Select(i => new string(' ', Math.Min(i, 200) * 2) + "- item\n")))
            .SetName("IndentedList_10000Levels_IsRejected");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("1. ", 20_000)) + "deep").SetName("OrderedMarkers_20000Deep_AreRejected");
        yield return new TestCaseData(new string('[', 100_000)).SetName("Brackets_100000Open_AreRejected");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("[a", 50_000)) + string.Concat(Enumerable.Repeat("](b)", 50_000)))
            .SetName("NestedLinks_50000Deep_AreRejected");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("<div>", 100_000))).SetName("HtmlTags_100000Deep_AreRejected");
        yield return new TestCaseData(string.Concat(Enumerable.Range(0, 1000).Select(i => new string(':', 1003 - i) + "note\n")))
            .SetName("Containers_1000Deep_AreRejected");
    }

    private static IEnumerable<TestCaseData> SurvivableInputs()
    {
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("*_", 500_000))).SetName("AlternatingEmphasis_1MB_EndsCleanly");
        yield return new TestCaseData(new string('*', 100_000) + "a" + new string('*', 100_000)).SetName("LongEmphasisRuns_EndCleanly");
        yield return new TestCaseData(new string('<', 200_000)).SetName("LessThanSigns_200000_EndCleanly");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("`a``", 100_000))).SetName("Backticks_EndCleanly");
        yield return new TestCaseData("[a](" + new string('(', 100_000)).SetName("Parentheses_100000_EndCleanly");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("<a <a ", 80_000))).SetName("UnclosedTagsOnOneLine_EndCleanly");
    }

    [TestCaseSource(nameof(HostileInputs))]
    public void HostileInput_IsRejected(string markdown)
    {
        var result = RenderWithin(markdown, new SafeMarkdownOptions { AllowRawHtml = true });

        Assert.That(result.IsRejected, Is.True, "expected a 'too complex' rejection");
        Assert.That(result.Html, Is.Empty);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.TooComplex));
    }

    [TestCaseSource(nameof(SurvivableInputs))]
    public void SurvivableInput_EndsCleanly(string markdown)
    {
        var result = RenderWithin(markdown, new SafeMarkdownOptions { AllowRawHtml = true });

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.Empty.Or.EqualTo(new[] { DiagnosticCodes.TooComplex }));
        Assert.That(InertHtml.Problems(result.Html), Is.Empty);
    }

    [Test]
    public void OversizedForumPost_IsRejectedBeforeParsing()
    {
        var result = SafeMarkdown.Shared.Render(new string('a', 64 * 1024 + 1), SafeMarkdownOptions.ForumPost);

        Assert.That(result.Diagnostics.Single().Message, Is.EqualTo("The text is 65,537 characters long; the limit is 65,536."));
    }

    [Test]
    public void RejectedText_ReportsTheRealFileLine()
    {
        var markdown = "Intro\n\n" + new string('>', 40) + " too deep";

        var result = SafeMarkdown.Shared.Render(markdown, new SafeMarkdownOptions { SourceFile = "01-intro.md", FirstLine = 5 });

        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.File, diagnostic.Line, diagnostic.Column), Is.EqualTo(("01-intro.md", 7, 1)));
    }

    [Test]
    public void OrdinaryNesting_IsNotRejected()
    {
        var markdown = "> quote\n> - item\n>   - nested\n>     - deeper\n>\n> ```\n>                                                                      code\n> ```\n\n- [link [with] brackets](https://ok.example)\n";

        var result = SafeMarkdown.Shared.Render(markdown);

        Assert.That(result.Diagnostics, Is.Empty);
    }

    private static MarkdownRenderResult RenderWithin(string markdown, SafeMarkdownOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        var task = Task.Run(() => SafeMarkdown.Shared.Render(markdown, options));
        Assert.That(task.Wait(Budget), Is.True, $"rendering did not finish within {Budget.TotalSeconds} s");
        TestContext.Out.WriteLine($"{stopwatch.ElapsedMilliseconds} ms");
        return task.Result;
    }
}
