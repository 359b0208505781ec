using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ECampus.Engine.Courses;
using ECampus.Engine.Plugins;
using ECampus.Engine.Tests.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static ECampus.Engine.Tests.Courses.PackRoot;

namespace ECampus.Engine.Tests.Courses;

/// <summary>Loading and reloading real pack folders: what is served, what authors are told, and what stays consistent.</summary>
public sealed class PackCatalogTests
{
    private PackRoot _root = null!;

    [SetUp]
    public void CreateRoot() => _root = new PackRoot();

    [TearDown]
    public void DeleteRoot() => _root.Dispose();

    [Test]
    public void SamplePacks_AllServe_AtStartUp()
    {
        foreach (var sample in Directory.GetDirectories(SamplePacks).Select(Path.GetFileName))
        {
            _root.CopySample(sample!);
        }

        var catalog = _root.Catalog();
        catalog.LoadAll();

        Assert.That(catalog.Reports.Select(r => r.State), Is.All.EqualTo(PackState.Serving), Describe(catalog.Snapshot));
        Assert.That(catalog.Packs.Select(p => p.Id), Is.EqualTo(new[] { "evidence-based-policy", "intro-labour-standards", "webinar-skills-green-jobs" }));
        Assert.That(catalog.Generation, Is.EqualTo(1), "LoadAll swaps once");
    }

    [Test]
    public void ValidEdit_IsServedWithANewHashAndTitle_AndTheGenerationMoves()
    {
        var folder = _root.Scaffold("course");
        var catalog = _root.Catalog();
        catalog.LoadAll();
        var before = catalog.Find("course")!;
        var generation = catalog.Generation;
        var token = catalog.GetChangeToken();

        Write(folder, "01-welcome.md", Module("Welcome, edited"));
        var report = catalog.Reload(folder);

        var after = catalog.Find("course")!;
        Assert.That(report!.State, Is.EqualTo(PackState.Serving));
        Assert.That(after.ContentHash, Is.Not.EqualTo(before.ContentHash));
        Assert.That(after.Pack.FindModule("welcome")!.Title, Is.EqualTo("Welcome, edited"));
        Assert.That(report.ContentHash, Is.EqualTo(after.ContentHash));
        Assert.That(catalog.Generation, Is.EqualTo(generation + 1));
        Assert.That(token.HasChanged, Is.True, "the change token of the replaced snapshot fires");
        Assert.That(catalog.GetChangeToken().HasChanged, Is.False);
    }

    [Test]
    public void InvalidEdit_KeepsTheLastGoodVersionServing_WithTheErrorsInTheReport()
    {
        var folder = _root.Scaffold("course");
        var catalog = _root.Catalog();
        catalog.LoadAll();
        var good = catalog.Find("course")!;

        Write(folder, "01-welcome.md", Module("Broken welcome", effort: "soon"));
        var report = catalog.Reload(folder)!;

        Assert.That(catalog.Find("course"), Is.SameAs(good), "the last good version keeps serving");
        Assert.That(report.State, Is.EqualTo(PackState.ServingLastGood));
        Assert.That(report.ContentHash, Is.EqualTo(good.ContentHash));
        Assert.That(report.LoadedAt, Is.EqualTo(good.LoadedAt));
        Assert.That(report.LastAttemptAt, Is.GreaterThanOrEqualTo(good.LoadedAt));
        var error = report.Diagnostics.Single(d => d.IsError);
        Assert.That((error.File, error.Line, error.Column), Is.EqualTo(("01-welcome.md", 3, 9)), error.ToString());
        Assert.That(error.Message, Does.Contain("soon"));
    }

    [Test]
    public void FixingTheError_ServesTheNewVersion()
    {
        var folder = _root.Scaffold("course");
        var catalog = _root.Catalog();
        catalog.LoadAll();
        var first = catalog.Find("course")!;
        Write(folder, "01-welcome.md", Module("Broken welcome", effort: "soon"));
        catalog.Reload(folder);

        Write(folder, "01-welcome.md", Module("Fixed welcome", effort: "20m"));
        var report = catalog.Reload(folder)!;

        Assert.That(report.State, Is.EqualTo(PackState.Serving));
        Assert.That(report.ErrorCount, Is.Zero);
        var served = catalog.Find("course")!;
        Assert.That(served.ContentHash, Is.Not.EqualTo(first.ContentHash));
        Assert.That(served.Pack.FindModule("welcome")!.Title, Is.EqualTo("Fixed welcome"));
        Assert.That(served.Pack.FindModule("welcome")!.EffortMinutes, Is.EqualTo(20));
    }

    [Test]
    public void BrokenFolderWithoutALastGoodVersion_IsFailed_AndServesNothing()
    {
        var folder = _root.Scaffold("course");
        Write(folder, "01-welcome.md", Module("Broken welcome", effort: "soon"));
        var catalog = _root.Catalog();

        catalog.LoadAll();

        Assert.That(catalog.Packs, Is.Empty);
        var report = catalog.Reports.Single();
        Assert.That((report.State, report.PackId, report.ContentHash), Is.EqualTo((PackState.Failed, (string?)null, (string?)null)));
        Assert.That(report.ErrorCount, Is.EqualTo(1));
    }

    [Test]
    public void DeletedPackFolder_StopsServing_AndIsReportedRemoved()
    {
        var folder = _root.Scaffold("course");
        _root.Scaffold("other");
        var catalog = _root.Catalog();
        catalog.LoadAll();

        Directory.Delete(folder, recursive: true);
        var report = catalog.Reload(folder)!;

        Assert.That(catalog.Find("course"), Is.Null);
        Assert.That(catalog.Packs.Select(p => p.Id), Is.EqualTo(new[] { "other" }));
        Assert.That((report.State, report.PackId, report.ContentHash), Is.EqualTo((PackState.Removed, "course", (string?)null)));
        Assert.That(catalog.Reports.Select(r => r.Folder), Does.Contain(folder), "the removal stays visible to authors");
    }

    [Test]
    public void DeletedFolder_ComingBackBroken_DoesNotServeTheVersionFromBeforeTheDeletion()
    {
        var folder = _root.Scaffold("course");
        var catalog = _root.Catalog();
        catalog.LoadAll();
        Directory.Delete(folder, recursive: true);
        catalog.Reload(folder);

        _root.Scaffold("course");
        Write(folder, "01-welcome.md", Module("Broken", effort: "soon"));
        var report = catalog.Reload(folder)!;

        Assert.That(report.State, Is.EqualTo(PackState.Failed));
        Assert.That(catalog.Find("course"), Is.Null);
    }

    [Test]
    public void NewPackFolder_IsServed_OnReload_AndOnLoadAll()
    {
        _root.Scaffold("first");
        var catalog = _root.Catalog();
        catalog.LoadAll();

        var second = _root.Scaffold("second");
        var report = catalog.Reload(second)!;
        _root.Scaffold("third");
        catalog.LoadAll();

        Assert.That(report.State, Is.EqualTo(PackState.Serving));
        Assert.That(catalog.Packs.Select(p => p.Id), Is.EqualTo(new[] { "first", "second", "third" }));
    }

    [Test]
    public void ReloadOfAPathThatIsNoPackFolder_ChangesNothing()
    {
        _root.Scaffold("course");
        var catalog = _root.Catalog();
        catalog.LoadAll();
        var generation = catalog.Generation;

        Assert.That(catalog.Reload(_root.Folder("never-existed")), Is.Null);
        Assert.That(catalog.Generation, Is.EqualTo(generation));
    }

    [Test]
    public void ReorderingRenamingAndRemovingModules_KeepsTheIdsOfTheRemainingModules()
    {
        var folder = _root.Scaffold("course");
        File.Delete(Path.Combine(folder, "01-welcome.md"));
        Write(folder, "01-alpha.md", Module("Alpha"));
        Write(folder, "02-beta.md", Module("Beta", id: "beta"));
        Write(folder, "03-gamma.md", Module("Gamma"));
        var catalog = _root.Catalog();
        catalog.LoadAll();
        Assert.That(Ids(catalog), Is.EqualTo(new[] { "alpha", "beta", "gamma" }));

        File.Move(Path.Combine(folder, "01-alpha.md"), Path.Combine(folder, "04-alpha.md"));
        catalog.Reload(folder);
        Assert.That(Ids(catalog), Is.EqualTo(new[] { "beta", "gamma", "alpha" }), "renumbering reorders and keeps the id");

        File.Move(Path.Combine(folder, "02-beta.md"), Path.Combine(folder, "02-the-second-step.md"));
        catalog.Reload(folder);
        Assert.That(Ids(catalog), Is.EqualTo(new[] { "beta", "gamma", "alpha" }), "a renamed file keeps the id from its front matter");
        Assert.That(catalog.Find("course")!.Pack.FindModule("beta")!.SourceFile, Is.EqualTo("02-the-second-step.md"));

        File.Delete(Path.Combine(folder, "03-gamma.md"));
        catalog.Reload(folder);
        Assert.That(Ids(catalog), Is.EqualTo(new[] { "beta", "alpha" }), "removing a module leaves the others' ids alone");
        Assert.That(catalog.Reports.Single().State, Is.EqualTo(PackState.Serving));

        static string[] Ids(PackCatalog catalog) => [.. catalog.Find("course")!.Pack.Modules.Select(m => m.Id)];
    }

    [Test]
    public void TwoFoldersWithOnePackId_AtStartUp_TheFirstByPathServes_AndTheSecondIsFailedWithAReason()
    {
        var first = _root.Scaffold("same", folderName: "a-course");
        var second = _root.Scaffold("same", folderName: "b-course");
        var catalog = _root.Catalog();

        catalog.LoadAll();

        Assert.That(catalog.Find("same")!.Pack.Directory, Is.EqualTo(first));
        var loser = catalog.Snapshot.ReportFor(second)!;
        Assert.That(loser.State, Is.EqualTo(PackState.Failed));
        Assert.That(loser.PackId, Is.EqualTo("same"));
        var duplicate = loser.Diagnostics.Single(d => d.Code == PackCatalog.DuplicatePackIdCode);
        Assert.That(duplicate.IsError, Is.True);
        Assert.That(duplicate.Message, Does.Contain("'same'").And.Contain(first));
        Assert.That(catalog.Snapshot.ReportFor(first)!.State, Is.EqualTo(PackState.Serving));
    }

    [Test]
    public void CopyOfAServedPack_DoesNotTakeTheIdOver_AndServesOnceTheOriginalIsGone()
    {
        var original = _root.Scaffold("same", folderName: "b-course");
        var catalog = _root.Catalog();
        catalog.LoadAll();

        var copy = _root.Scaffold("same", folderName: "a-copy");
        catalog.Reload(copy);
        Assert.That(catalog.Find("same")!.Pack.Directory, Is.EqualTo(original), "the folder already serving keeps the id");
        Assert.That(catalog.Snapshot.ReportFor(copy)!.State, Is.EqualTo(PackState.Failed));

        Directory.Delete(original, recursive: true);
        catalog.Reload(original);
        Assert.That(catalog.Find("same")!.Pack.Directory, Is.EqualTo(copy));
        Assert.That(catalog.Snapshot.ReportFor(copy)!.State, Is.EqualTo(PackState.Serving));
    }

    [Test]
    public void PackIdChangedInsideAFolder_StopsTheOldIdAndServesTheNewOne()
    {
        var folder = _root.Scaffold("course");
        var catalog = _root.Catalog();
        catalog.LoadAll();

        var manifest = Path.Combine(folder, "pack.yml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("id: course", "id: course-two", StringComparison.Ordinal));
        var report = catalog.Reload(folder)!;

        Assert.That(catalog.Find("course"), Is.Null);
        Assert.That(catalog.Find("course-two"), Is.Not.Null);
        Assert.That((report.State, report.PackId), Is.EqualTo((PackState.Serving, "course-two")));
    }

    [Test]
    public void BrokenPackAtStartUp_IsSkipped_WhileTheOthersServe()
    {
        _root.CopySample("intro-labour-standards");
        _root.CopySample("webinar-skills-green-jobs");
        var broken = _root.Scaffold("broken");
        Write(broken, "pack.yml", "id: broken\ntitle: [unclosed\n");
        var catalog = _root.Catalog();

        catalog.LoadAll();

        Assert.That(catalog.Packs.Select(p => p.Id), Is.EqualTo(new[] { "intro-labour-standards", "webinar-skills-green-jobs" }));
        var report = catalog.Snapshot.ReportFor(broken)!;
        Assert.That(report.State, Is.EqualTo(PackState.Failed));
        Assert.That(report.Diagnostics.Where(d => d.IsError).Select(d => d.File), Does.Contain("pack.yml"));
    }

    [Test]
    public void HiddenFolders_AreNotPackFolders()
    {
        _root.Scaffold("course");
        Directory.CreateDirectory(_root.Folder(".git"));
        var catalog = _root.Catalog();

        catalog.LoadAll();

        Assert.That(catalog.Reports.Select(r => Path.GetFileName(r.Folder)), Is.EqualTo(new[] { "course" }));
    }

    [Test]
    public void PluginActivityType_IsAccepted_WhenAnEnabledPluginRegistersIt_AndRejectedOtherwise()
    {
        var folder = _root.Scaffold("course");
        Write(folder, "01-welcome.md", Module("Welcome", body: ":::activity poll lunch\nWhere shall we eat?\n:::"));
        var pluginFolder = Path.Combine(_root.Path, ".plugins");
        PluginCompiler.Install(pluginFolder, "Polls", TestPlugins.Plugin("Polls", TestPlugins.Manifest("polls"),
            configure: """services.AddActivityType(new ActivityType("poll", "Poll"));"""));
        var plugins = new PluginHost(NullLogger.Instance);
        plugins.Discover([pluginFolder]);
        plugins.ConfigureServices(new ServiceCollection(), new ConfigurationBuilder().Build());
        Assert.That(plugins.Enabled.Single().ActivityTypes.Select(t => t.Name), Is.EqualTo(new[] { "poll" }), "the test plug-in registers its type");

        var withPlugin = _root.Catalog(plugins);
        withPlugin.LoadAll();
        var without = _root.Catalog();
        without.LoadAll();

        Assert.That(withPlugin.Reports.Single().State, Is.EqualTo(PackState.Serving), Describe(withPlugin.Snapshot));
        var html = withPlugin.Find("course")!.Render(withPlugin.Find("course")!.Pack.Modules[0], null).Html;
        Assert.That(html, Does.Contain("data-activity-type=\"poll\""));
        var refused = without.Reports.Single();
        Assert.That(refused.State, Is.EqualTo(PackState.Failed));
        Assert.That(refused.Diagnostics.Single(d => d.IsError).Code, Is.EqualTo("PACK032"));
    }

    [Test]
    public void RenderedModule_IsRenderedOncePerVersionAndLanguage_AndAgainAfterAReload()
    {
        var folder = _root.CopySample("intro-labour-standards");
        var catalog = _root.Catalog();
        catalog.LoadAll();
        var pack = catalog.Find("intro-labour-standards")!;
        var module = pack.Pack.Modules.Single(m => m.SourceFile == "03-how-standards-are-supervised.md");

        var english = pack.Render(module, null);
        var french = pack.Render(module, "fr");
        var spanish = pack.Render(module, "es");

        Assert.That(pack.Render(module, null), Is.SameAs(english));
        Assert.That(pack.Render(module, "fr"), Is.SameAs(french));
        Assert.That((english.Language, french.Language, spanish.Language), Is.EqualTo(("en", "fr", "en")));
        Assert.That(spanish, Is.SameAs(english), "a language without translation falls back to the one rendering of the original");
        Assert.That(english.Html, Does.Contain("\"/courses/intro-labour-standards/assets/supervisory-cycle.svg\""), "links point to the site's course URLs");

        var path = Path.Combine(folder, module.SourceFile);
        File.WriteAllText(path, File.ReadAllText(path) + "\nA paragraph added by the author.\n");
        catalog.Reload(folder);
        var next = catalog.Find("intro-labour-standards")!;
        var rendered = next.Render(next.Pack.FindModule(module.Id)!, null);

        Assert.That(rendered, Is.Not.SameAs(english));
        Assert.That(rendered.Html, Does.Contain("A paragraph added by the author."));
        Assert.That(english.Html, Does.Not.Contain("A paragraph added by the author."));
        Assert.That(() => next.Render(module, null), Throws.ArgumentException, "a module of the old version is refused by the new one");
    }

    [Test]
    public void SavingTheSameBytes_KeepsTheVersion_AndItsRenderedHtml()
    {
        var folder = _root.Scaffold("course");
        var catalog = _root.Catalog();
        catalog.LoadAll();
        var pack = catalog.Find("course")!;
        var rendered = pack.Render(pack.Pack.Modules[0], null);

        File.WriteAllText(Path.Combine(folder, "01-welcome.md"), File.ReadAllText(Path.Combine(folder, "01-welcome.md")));
        catalog.Reload(folder);

        Assert.That(catalog.Find("course"), Is.SameAs(pack));
        Assert.That(catalog.Find("course")!.Render(pack.Pack.Modules[0], null), Is.SameAs(rendered));
    }

    [Test]
    public async Task ConcurrentReaders_DuringFiftyReloads_NeverSeeAHashThatDoesNotMatchItsModules()
    {
        var folder = _root.Scaffold("course");
        Write(folder, "01-welcome.md", Module("Version 0", body: "Body of version 0."));
        var catalog = _root.Catalog();
        catalog.LoadAll();
        var versionOf = new ConcurrentDictionary<string, int>(StringComparer.Ordinal) { [catalog.Find("course")!.ContentHash] = 0 };
        var seen = new ConcurrentBag<(string Hash, string Title, string Html, string? ReportHash, bool Listed)>();
        using var done = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                var snapshot = catalog.Snapshot;
                var pack = snapshot.Find("course")!;
                var module = pack.Pack.FindModule("welcome")!;
                seen.Add((pack.ContentHash, module.Title, pack.Render(module, null).Html,
                    snapshot.ReportFor(folder)?.ContentHash, snapshot.Packs.Contains(pack)));
            }
        })).ToList();

        for (var version = 1; version <= 50; version++)
        {
            Write(folder, "01-welcome.md", Module($"Version {version}", body: $"Body of version {version}."));
            Assert.That(catalog.Reload(folder)!.State, Is.EqualTo(PackState.Serving));
            versionOf[catalog.Find("course")!.ContentHash] = version;
        }

        await done.CancelAsync();
        await Task.WhenAll(readers);

        Assert.That(seen, Is.Not.Empty);
        foreach (var (hash, title, html, reportHash, listed) in seen)
        {
            var version = versionOf[hash];
            Assert.That(title, Is.EqualTo($"Version {version}"), $"pack {hash[..12]} is version {version}");
            Assert.That(html, Does.Contain($"Body of version {version}.").And.Not.Match(OtherVersionBody(version)), $"HTML of {hash[..12]}");
            Assert.That(reportHash, Is.EqualTo(hash), "the snapshot's report describes the pack it serves");
            Assert.That(listed, Is.True, "the snapshot's pack list holds the pack it finds");
        }

        Assert.That(catalog.Generation, Is.EqualTo(51));
    }

    [Test]
    public async Task WaitForGeneration_CompletesOnTheNextSwap()
    {
        var folder = _root.Scaffold("course");
        var catalog = _root.Catalog();
        catalog.LoadAll();
        var waiting = catalog.WaitForGenerationAsync(catalog.Generation, CancellationToken.None);
        Assert.That(waiting.IsCompleted, Is.False);

        catalog.Reload(folder);

        Assert.That(await waiting.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(2));
        Assert.That(await catalog.WaitForGenerationAsync(0, CancellationToken.None), Is.EqualTo(2), "an older generation answers at once");
    }

    private static Regex OtherVersionBody(int version) => new($@"Body of version (?!{version}\.)\d+\.", RegexOptions.CultureInvariant);
}
