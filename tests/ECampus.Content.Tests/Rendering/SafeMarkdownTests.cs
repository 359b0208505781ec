using ECampus.Content.Rendering;
using Snapshooter.NUnit;

namespace ECampus.Content.Tests.Rendering;

public class SafeMarkdownTests
{
    private static readonly SafeMarkdownOptions PackOptions = new()
    {
        ActivityTypes = new HashSet<string> { "quiz", "assignment", "webinar", "discussion" },
        RewriteRelativeUrl = url => url.StartsWith("assets/", StringComparison.Ordinal) ? "/courses/demo/" + url : null,
    };

    [Test]
    public void RichModule_RendersEveryConstructSafely()
    {
        var markdown = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Rendering", "RichModule.md"));

        var result = SafeMarkdown.Shared.Render(markdown, PackOptions);

        Assert.That(result.Diagnostics, Is.Empty);
        Snapshot.Match(result.Html);
    }

    [Test]
    public void SharedInstance_GivesTheSameHtml_FromManyThreads()
    {
        var markdown = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Rendering", "RichModule.md"));
        var expected = SafeMarkdown.Shared.Render(markdown, PackOptions).Html;

        var results = Enumerable.Range(0, 64).AsParallel().AsOrdered().WithDegreeOfParallelism(8)
            .Select(i => SafeMarkdown.Shared.Render(markdown, i % 2 == 0 ? PackOptions : SafeMarkdownOptions.ForumPost).Html)
            .ToList();

        Assert.That(results.Where((_, i) => i % 2 == 0), Is.All.EqualTo(expected));
        Assert.That(results.Where((_, i) => i % 2 == 1), Is.All.Not.Contain("data-activity"));
    }
}
