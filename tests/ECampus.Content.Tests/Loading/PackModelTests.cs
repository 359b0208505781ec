namespace ECampus.Content.Tests.Loading;

public class PackModelTests
{
    private static Pack LabourStandards() => new PackLoader().Load(Path.Combine(TestPaths.SamplePacks, "intro-labour-standards")).Pack!;

    [Test]
    public void ModuleIds_ComeFromFileNamesWithoutTheirNumbers()
    {
        var pack = LabourStandards();

        Assert.That(pack.Modules.Select(m => m.Id), Is.EqualTo(new[]
        {
            "what-are-labour-standards", "fundamental-principles", "how-standards-are-supervised", "standards-at-work",
        }));
    }

    [Test]
    public void ActivityBlocks_AreListedWithTheirRealFileLines()
    {
        var module = LabourStandards().FindModule("what-are-labour-standards")!;
        var lines = File.ReadAllLines(Path.Combine(TestPaths.SamplePacks, "intro-labour-standards", module.SourceFile));

        Assert.That(module.Activities.Select(a => (a.Type, a.Id)), Is.EqualTo(new[] { ("quiz", "baseline"), ("quiz", "check-1") }));
        Assert.That(module.Activities.Select(a => lines[a.Line - 1]), Is.EqualTo(new[] { ":::activity quiz baseline", ":::activity quiz check-1" }));
    }

    [Test]
    public void Translation_FallsBackPerFile_AndSaysWhichLanguageItIs()
    {
        var pack = LabourStandards();
        var module = pack.Modules[0];

        var french = pack.TextOf(module, "fr");
        var spanish = pack.TextOf(module, "es");

        Assert.That((french.Language, french.Title, french.SourceFile), Is.EqualTo(("fr", "Que sont les normes internationales du travail ?", "fr/01-what-are-labour-standards.md")));
        Assert.That((spanish.Language, spanish.Title), Is.EqualTo(("en", "What are international labour standards?")));
        Assert.That(pack.TitleIn("fr"), Is.EqualTo("Introduction aux normes internationales du travail"));
        Assert.That(pack.TextOf(pack.FindActivity("check-1")!, "fr").Language, Is.EqualTo("fr"));
        Assert.That(pack.TextOf(pack.FindActivity("check-2")!, "fr").Language, Is.EqualTo("en"));
    }

    [Test]
    public void ActivityFrontMatter_IsKeptForThePlugIn()
    {
        var final = LabourStandards().FindActivity("final")!;

        Assert.That((final.Type, final.Format, final.Title), Is.EqualTo(("quiz", "markdown", "Final quiz")));
        Assert.That(final.FrontMatter["pass-mark"], Is.EqualTo("60"));
        Assert.That(final.FrontMatterYaml, Does.Contain("attempts: 3"));
        Assert.That(final.Body, Does.StartWith("\n## What does ratifying a Convention mean"));
        Assert.That(final.BodyLine, Is.EqualTo(7));
    }

    [Test]
    public void Assets_HaveContentTypeAndStableETag()
    {
        var asset = LabourStandards().FindAsset("assets/supervisory-cycle.svg")!;

        Assert.That((asset.ContentType, asset.IsActiveContent), Is.EqualTo(("image/svg+xml", true)));
        Assert.That(asset.ETag, Is.EqualTo("\"" + asset.ContentHash[..32] + "\""));
        using var stream = asset.OpenRead();
        Assert.That(stream!.Length, Is.EqualTo(asset.Length));
    }

    [Test]
    public void ContentHash_IsStable_AndChangesWithAnyFile()
    {
        using var temp = new TempFolder("hash-check");
        PackScaffolder.Create(temp.PackPath, "hash-check");
        var loader = new PackLoader();

        var first = loader.Load(temp.PackPath).Pack!.ContentHash;
        var again = loader.Load(temp.PackPath).Pack!.ContentHash;
        File.AppendAllText(Path.Combine(temp.PackPath, "01-welcome.md"), "\nOne more line.\n");
        var edited = loader.Load(temp.PackPath).Pack!.ContentHash;

        Assert.That(again, Is.EqualTo(first));
        Assert.That(edited, Is.Not.EqualTo(first));
    }

    [Test]
    public void ReorderedModules_KeepTheirIds()
    {
        using var temp = new TempFolder("reorder");
        temp.Write("pack.yml", "id: reorder\ntitle: Reorder\nversion: 1.0.0\nformat: self-paced\nmodules: [second, first]\n");
        temp.Write("01-first.md", "---\ntitle: First\neffort: 10m\n---\n");
        temp.Write("02-second.md", "---\ntitle: Second\neffort: 10m\nunlock: after-previous\n---\n");

        var pack = new PackLoader().Load(temp.PackPath).Pack!;

        Assert.That(pack.Modules.Select(m => m.Id), Is.EqualTo(new[] { "second", "first" }));
        Assert.That(pack.EffortMinutes, Is.EqualTo(20));
    }

    [Test]
    public void PlugInTypes_AndTheirChecks_JoinTheDefaults()
    {
        using var temp = new TempFolder("plugin-types");
        temp.Write("pack.yml", "id: plugin-types\ntitle: Plug-in types\nversion: 1.0.0\nformat: self-paced\n");
        temp.Write("01-intro.md", "---\ntitle: Intro\neffort: 10m\n---\n\n:::activity survey feedback\n:::\n");
        temp.Write("assessments/feedback.md", "---\ntitle: Feedback\ntype: survey\n---\n");
        var survey = new ActivityType("survey", "assessments", activity =>
            [new Diagnostic(DiagnosticSeverity.Warning, "SURVEY001", activity.SourceFile, 1, 1, "No questions yet.")]);

        var result = new PackLoader(new PackLoadOptions { ActivityTypes = [.. ActivityType.Defaults, survey] }).Load(temp.PackPath);

        Assert.That(result.Pack!.FindActivity("feedback")!.Type, Is.EqualTo("survey"));
        Assert.That(result.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[] { "assessments/feedback.md:1:1: warning SURVEY001: No questions yet." }));
    }

    [Test]
    public void FailingPlugInCheck_BecomesADiagnostic()
    {
        using var temp = new TempFolder("plugin-crash");
        temp.Write("pack.yml", "id: plugin-crash\ntitle: Crash\nversion: 1.0.0\nformat: self-paced\n");
        temp.Write("01-intro.md", "---\ntitle: Intro\neffort: 10m\n---\n");
        temp.Write("assessments/quiz.md", "---\ntitle: Quiz\n---\n");
        var crashing = ActivityType.Quiz with { Validate = _ => throw new InvalidOperationException("boom") };

        var result = new PackLoader(new PackLoadOptions { ActivityTypes = [crashing, ActivityType.Discussion] }).Load(temp.PackPath);

        Assert.That(result.Diagnostics.Single().Message, Is.EqualTo("The 'quiz' plug-in failed to check this file: boom"));
    }

    [Test]
    public void MissingFolder_IsADiagnostic_NotAnException()
    {
        var result = new PackLoader().Load(Path.Combine(Path.GetTempPath(), "no-such-pack-" + Guid.NewGuid().ToString("N")));

        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.PackFileMissing));
    }
}
