using BenchmarkDotNet.Attributes;
using ECampus.Content;
using ECampus.Content.Rendering;

namespace ECampus.Benchmarks;

/// <summary>
/// One 20 KB lesson through the safe pipeline as the engine renders a module page: <see cref="PackRenderer"/>
/// (link rewriting) over <see cref="SafeMarkdown"/> (pre-scan, Markdig, URL checks, HtmlSanitizer).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RenderBenchmarks
{
    private static readonly PackUrls Urls = new("/courses/lesson/assets/", "/courses/lesson/modules/");

    private readonly PackRenderer renderer = new(SafeMarkdown.Shared);
    private string root = null!;
    private Pack pack = null!;
    private PackModule module = null!;

    [GlobalSetup]
    public void LoadLesson()
    {
        root = Path.Combine(Path.GetTempPath(), "ecampus-benchmarks", Guid.NewGuid().ToString("N"));
        pack = PackLoads.Clean(new PackLoader().Load(LessonPage.WritePack(root)));
        module = pack.Modules[0];
        var html = Render_LessonPage();
        string[] expected = ["<table>", "class=\"footnotes\"", "<figure>", "<figcaption>", "class=\"objectives\"", "callout-note",
            "data-activity-type=\"quiz\"", "data-activity-id=\"final-check\"", "href=\"/courses/lesson/modules/next-steps#user-content-key-terms\"",
            "src=\"/courses/lesson/assets/informality.png\"", "<dl>", "<pre><code"];
        var missing = expected.Where(e => !html.Contains(e, StringComparison.Ordinal)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException("The lesson did not render as expected; missing: " + string.Join(", ", missing));
        }
    }

    [GlobalCleanup]
    public void DeleteLesson() => Directory.Delete(root, recursive: true);

    [Benchmark]
    public string Render_LessonPage() => renderer.RenderModule(pack, module, null, Urls).Html;
}
