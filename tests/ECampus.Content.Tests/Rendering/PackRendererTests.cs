using ECampus.Content.Rendering;
using Snapshooter.NUnit;

namespace ECampus.Content.Tests.Rendering;

public class PackRendererTests
{
    private static readonly PackUrls Urls = new("/courses/demo/assets/", "/courses/demo/modules/");

    [Test]
    public void RelativeLinks_AreRewrittenToEngineUrls_FromTheFilesOwnFolder()
    {
        using var temp = new TempFolder("demo");
        temp.Write("pack.yml", "id: demo\ntitle: Demo\nversion: 1.0.0\nformat: self-paced\ntranslations: [fr]\n");
        temp.Write("01-intro.md", "---\ntitle: Intro\neffort: 10m\n---\n\n![Map](assets/maps/world%20map.png) [next](02-next.md#key-terms) [pdf](assets/guide.pdf#page=2)\n");
        temp.Write("02-next.md", "---\ntitle: Next\neffort: 10m\n---\n\n## Key terms\n");
        temp.Write("fr/01-intro.md", "---\ntitle: Intro FR\n---\n\n![Carte](../assets/maps/world%20map.png) [suite](02-next.md)\n");
        temp.Write("assets/maps/world map.png", "png");
        temp.Write("assets/guide.pdf", "pdf");
        var pack = new PackLoader().Load(temp.PackPath).Pack!;
        var renderer = new PackRenderer(SafeMarkdown.Shared);

        var english = renderer.RenderModule(pack, pack.Modules[0], "en", Urls);
        var french = renderer.RenderModule(pack, pack.Modules[0], "fr", Urls);

        Assert.That(english.Html, Is.EqualTo(
            "<p><img src=\"/courses/demo/assets/maps/world%20map.png\" loading=\"lazy\" alt=\"Map\"> "
            + "<a href=\"/courses/demo/modules/next#user-content-key-terms\">next</a> "
            + "<a href=\"/courses/demo/assets/guide.pdf#page=2\">pdf</a></p>\n"));
        Assert.That((french.Language, french.Title), Is.EqualTo(("fr", "Intro FR")));
        Assert.That(french.Html, Is.EqualTo(
            "<p><img src=\"/courses/demo/assets/maps/world%20map.png\" loading=\"lazy\" alt=\"Carte\"> "
            + "<a href=\"/courses/demo/modules/next\">suite</a></p>\n"));
    }

    [Test]
    public void SampleModule_WithActivitiesCalloutsAndFigure_RendersAsSnapshot()
    {
        var pack = new PackLoader().Load(Path.Combine(TestPaths.SamplePacks, "intro-labour-standards")).Pack!;
        var renderer = new PackRenderer(SafeMarkdown.Shared);

        var rendered = renderer.RenderModule(pack, pack.FindModule("how-standards-are-supervised")!, "fr", Urls);

        Assert.That(rendered.Diagnostics, Is.Empty);
        Assert.That(InertHtml.Problems(rendered.Html), Is.Empty);
        Snapshot.Match(rendered);
    }

    [Test]
    public void RawHtml_FollowsThePackSetting()
    {
        using var temp = new TempFolder("raw");
        temp.Write("pack.yml", "id: raw\ntitle: Raw\nversion: 1.0.0\nformat: self-paced\nraw-html: true\n");
        temp.Write("01-intro.md", "---\ntitle: Intro\neffort: 10m\n---\n\n<kbd>Ctrl</kbd> <script>alert(1)</script>\n");
        var pack = new PackLoader().Load(temp.PackPath).Pack!;

        var allowed = new PackRenderer(SafeMarkdown.Shared).RenderModule(pack, pack.Modules[0], null, Urls).Html;
        var forbidden = new PackRenderer(SafeMarkdown.Shared).RenderModule(pack with { AllowRawHtml = false }, pack.Modules[0], null, Urls).Html;

        Assert.That(allowed, Is.EqualTo("<p><kbd>Ctrl</kbd> </p>\n"));
        Assert.That(forbidden, Is.EqualTo("<p>&lt;kbd&gt;Ctrl&lt;/kbd&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n"));
    }
}
