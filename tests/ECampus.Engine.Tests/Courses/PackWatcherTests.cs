using ECampus.Engine.Courses;
using static ECampus.Engine.Tests.Courses.PackRoot;

namespace ECampus.Engine.Tests.Courses;

/// <summary>The watcher on a real folder: authors save files the way editors do, and the site follows.</summary>
public sealed class PackWatcherTests
{
    private PackRoot _root = null!;
    private PackCatalog _catalog = null!;
    private PackWatcher _watcher = null!;
    private string _folder = null!;

    [SetUp]
    public async Task StartWatching()
    {
        _root = new PackRoot();
        _folder = _root.Scaffold("course");
        _catalog = _root.Catalog();
        _watcher = _root.Watcher(_catalog);
        await _watcher.StartAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task StopWatching()
    {
        await _watcher.StopAsync(CancellationToken.None);
        _watcher.Dispose();
        _root.Dispose();
    }

    private string ModulePath => Path.Combine(_folder, "01-welcome.md");

    private static Func<PackCatalogSnapshot, bool> Serving(string title) => snapshot =>
        snapshot.Find("course")?.Pack.FindModule("welcome")?.Title == title && snapshot.Reports.Single().State == PackState.Serving;

    [Test]
    public void Start_LoadsEveryPack_BeforeItReturns()
    {
        Assert.That(_catalog.Find("course"), Is.Not.Null);
        Assert.That(_catalog.Reports.Single().State, Is.EqualTo(PackState.Serving));
    }

    [Test]
    public async Task WritingAFile_ServesTheNewVersion()
    {
        var before = _catalog.Find("course")!.ContentHash;

        await File.WriteAllTextAsync(ModulePath, Module("Edited in place"));

        var snapshot = await WaitForAsync(_catalog, Serving("Edited in place"), "the edited module to be served");
        Assert.That(snapshot.Find("course")!.ContentHash, Is.Not.EqualTo(before));
    }

    [Test]
    public async Task BurstOfTwentyWrites_EndsServingTheLastContent()
    {
        var generation = _catalog.Generation;

        for (var i = 1; i <= 20; i++)
        {
            await File.WriteAllTextAsync(ModulePath, Module($"Draft {i}"));
        }

        await WaitForAsync(_catalog, Serving("Draft 20"), "the last of 20 writes to be served");
        TestContext.Out.WriteLine($"20 writes caused {_catalog.Generation - generation} reload(s).");
    }

    [Test]
    public async Task TruncatedWriteThenFullWrite_EndsServingTheFullVersion()
    {
        await using (var truncated = new FileStream(ModulePath, FileMode.Truncate, FileAccess.Write))
        {
            await truncated.FlushAsync();
        }

        await File.WriteAllTextAsync(ModulePath, Module("Written in two steps"));

        await WaitForAsync(_catalog, Serving("Written in two steps"), "the full version to be served after the truncation");
    }

    [Test]
    public async Task TemporaryFileRenamedOverTheModule_IsServed()
    {
        var temporary = ModulePath + ".tmp";
        await File.WriteAllTextAsync(temporary, Module("Saved atomically"));
        File.Move(temporary, ModulePath, overwrite: true);

        var snapshot = await WaitForAsync(_catalog, Serving("Saved atomically"), "the renamed module to be served");
        Assert.That(snapshot.Reports.Single().Diagnostics, Is.Empty, "the temporary file is gone from the served version");
    }

    [Test]
    public async Task BrokenSave_KeepsTheLastGoodVersion_AndTheFixIsServed()
    {
        var good = _catalog.Find("course")!;

        await File.WriteAllTextAsync(ModulePath, Module("Broken", effort: "soon"));
        var broken = await WaitForAsync(_catalog, s => s.Reports.Single().State == PackState.ServingLastGood, "the broken save to be reported");
        Assert.That(broken.Find("course"), Is.SameAs(good));
        Assert.That(broken.Reports.Single().Diagnostics.Single(d => d.IsError).Line, Is.EqualTo(3));

        await File.WriteAllTextAsync(ModulePath, Module("Fixed"));
        await WaitForAsync(_catalog, Serving("Fixed"), "the fixed module to be served");
    }

    [Test]
    public async Task NewPackFolder_IsServed_AndADeletedOneIsRemoved()
    {
        _root.Scaffold("second");
        await WaitForAsync(_catalog, s => s.Find("second") is not null, "the new pack folder to be served");

        Directory.Delete(_folder, recursive: true);
        var snapshot = await WaitForAsync(_catalog, s => s.Find("course") is null, "the deleted pack to stop serving");
        Assert.That(snapshot.ReportFor(_folder)!.State, Is.EqualTo(PackState.Removed));
        Assert.That(snapshot.Find("second"), Is.Not.Null);
    }

    [Test]
    public async Task MissingRoot_IsNotWatched_AndServesNothing()
    {
        using var missing = new PackRoot();
        Directory.Delete(missing.Path);
        var catalog = missing.Catalog();
        using var watcher = missing.Watcher(catalog);

        await watcher.StartAsync(CancellationToken.None);

        Assert.That(catalog.Packs, Is.Empty);
        Assert.That(catalog.Reports, Is.Empty);
    }

    [TestCase("/packs/course/01-welcome.md", "/packs/course")]
    [TestCase("/packs/course/fr/assets/map.png", "/packs/course")]
    [TestCase("/packs/course", "/packs/course")]
    [TestCase("/packs", null)]
    [TestCase("/packs/.git/index", null)]
    [TestCase("/elsewhere/course/pack.yml", null)]
    public void ChangedPath_MapsToItsPackFolder(string path, string? folder) =>
        Assert.That(PackWatcher.PackFolderOf("/packs", path), Is.EqualTo(folder));
}
