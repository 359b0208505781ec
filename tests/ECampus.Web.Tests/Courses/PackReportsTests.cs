using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECampus.Content;
using ECampus.Engine.Courses;
using ECampus.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Web.Tests.Courses;

/// <summary>An author breaks a pack on disk and finds out what is wrong, where, on /author and in the API.</summary>
public sealed class PackReportsTests
{
    private const string Author = "author@example.org";
    private const string Learner = "learner@example.org";

    private string _packs = null!;
    private TestSite _site = null!;

    [SetUp]
    public async Task StartSiteOnAPackFolder()
    {
        _packs = Directory.CreateTempSubdirectory("ecampus-web-packs-").FullName;
        PackScaffolder.Create(Path.Combine(_packs, "course"), "course", "A course that works");
        _site = await TestSite.StartAsync(settings => settings["ECampus:PackFolders:0"] = _packs);
        await _site.CreateAccountAsync("admin@example.org", "Ada", TestSite.StrongPassword, "admin");
        await _site.CreateAccountAsync(Author, "Aurelio", TestSite.StrongPassword, "author");
        await _site.CreateAccountAsync(Learner, "Lea");
    }

    [TearDown]
    public async Task StopSite()
    {
        await _site.DisposeAsync();
        Directory.Delete(_packs, recursive: true);
    }

    private PackCatalog Catalog => _site.Services.GetRequiredService<PackCatalog>();

    [Test]
    public async Task PacksAreServedFromTheFirstRequest()
    {
        Assert.That(Catalog.Find("course"), Is.Not.Null, "the watcher loads packs before the site takes requests");

        using var author = await _site.BrowserClientAsync(Author);
        var page = await author.GetStringAsync("/author");

        Assert.That(page, Does.Contain("A course that works").And.Contain("serving").And.Contain(Catalog.Find("course")!.ContentHash[..12]));
    }

    [Test]
    public async Task BrokenPack_ShowsItsErrorsWithFileAndLine_OnTheAuthorPageAndInTheApi()
    {
        var generation = Catalog.Generation;
        await File.WriteAllTextAsync(Path.Combine(_packs, "course", "01-welcome.md"), "---\ntitle: Welcome\neffort: soon\n---\n\n# Welcome\n");
        await WaitForAsync(s => s.Generation > generation && s.Reports.Single().State == PackState.ServingLastGood);

        using var author = await _site.BrowserClientAsync(Author);
        var page = WebUtility.HtmlDecode(await author.GetStringAsync("/author"));
        Assert.That(page, Does.Match(@"Serving the last good version from <time datetime=""[^""]+"">\d\d:\d\d UTC</time>; the new version has 1 error\."));
        Assert.That(page, Does.Contain("<code>01-welcome.md:3:9</code>").And.Contain("'soon'"));

        using var api = await _site.ApiClientAsync(Author);
        var reports = await api.GetFromJsonAsync<JsonElement>("/api/v1/admin/packs");
        var folder = reports.GetProperty("folders").EnumerateArray().Single();
        Assert.That(folder.GetProperty("state").GetString(), Is.EqualTo("serving-last-good"));
        Assert.That(folder.GetProperty("packId").GetString(), Is.EqualTo("course"));
        Assert.That(folder.GetProperty("errors").GetInt32(), Is.EqualTo(1));
        var error = folder.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("severity").GetString() == "error");
        Assert.That((error.GetProperty("file").GetString(), error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()),
            Is.EqualTo(("01-welcome.md", 3, 9)));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("soon"));
    }

    [Test]
    public async Task PackThatNeverValidated_IsReportedNotServed()
    {
        var generation = Catalog.Generation;
        PackScaffolder.Create(Path.Combine(_packs, "draft"), "draft");
        await File.WriteAllTextAsync(Path.Combine(_packs, "draft", "pack.yml"), "id: draft\ntitle: [unclosed\n");
        await WaitForAsync(s => s.Generation > generation && s.Reports.Any(r => r.Folder.EndsWith("draft", StringComparison.Ordinal) && r.State == PackState.Failed));

        using var admin = await _site.BrowserClientAsync("admin@example.org");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/author"));

        Assert.That(page, Does.Contain("Not served: the folder has").And.Contain("<code>pack.yml:3:1</code>").And.Contain("PACK010"));
        Assert.That(Catalog.Find("course"), Is.Not.Null, "the other pack keeps serving");
    }

    [Test]
    public async Task Learner_IsRefusedThePackReports()
    {
        using var learner = await _site.ApiClientAsync(Learner);
        using var anonymous = _site.Client();

        Assert.That((await learner.GetAsync("/api/v1/admin/packs")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await anonymous.GetAsync("/api/v1/admin/packs")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task WaitForAsync(Func<PackCatalogSnapshot, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var snapshot = Catalog.Snapshot;
        while (!condition(snapshot))
        {
            await Catalog.WaitForGenerationAsync(snapshot.Generation, timeout.Token);
            snapshot = Catalog.Snapshot;
        }
    }
}
