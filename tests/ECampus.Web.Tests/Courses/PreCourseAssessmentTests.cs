using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using ECampus.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Web.Tests.Courses;

/// <summary>
/// A pack that requires the pre-course assessment keeps its modules locked until the quiz plug-in reports it done;
/// activities open at one address that leads to the plug-in's page; quiz mistakes show in the pack reports.
/// </summary>
public sealed class PreCourseAssessmentTests
{
    private const string Course = SamplePacks.SelfPaced;

    private TestSite _site = null!;
    private string _pack = null!;

    [SetUp]
    public async Task StartSite()
    {
        _site = await SamplePacks.StartSiteAsync(null, Course);
        _pack = Path.Combine(_site.Root, "packs", Course);
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        await _site.CreateAccountAsync("ana@example.org", "Ana");
    }

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    private PackCatalog Catalog => _site.Services.GetRequiredService<PackCatalog>();

    [Test]
    public async Task PreRequired_LocksEveryModule_UntilThePreAssessmentIsReportedDone()
    {
        await ReplaceInPackAsync("pack.yml", "  pre: baseline\n", "  pre: baseline\n  pre-required: true\n");
        using var ana = await _site.ApiClientAsync("ana@example.org");
        await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { }, HttpStatusCode.Created);

        var modules = await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules");
        var first = modules.EnumerateArray().First();
        Assert.That(modules.EnumerateArray().Select(m => m.GetProperty("state").GetString()), Is.All.EqualTo("locked"));
        Assert.That(first.GetProperty("lockedReason").GetString(), Is.EqualTo("Take the pre-course assessment first."));
        Assert.That((await ana.PostAsync($"/api/v1/courses/{Course}/modules/{first.GetProperty("moduleId").GetString()}/completion", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden), "a locked module was completed through the API");

        using var browser = await _site.BrowserClientAsync("ana@example.org");
        var home = await browser.GetStringAsync($"/courses/{Course}/home");
        Assert.That(home, Does.Contain("Take the pre-course assessment first.").And.Contain($"href=\"/courses/{Course}/activities/baseline\""));

        var accountId = await AccountIdAsync("ana@example.org");
        await _site.Services.GetRequiredService<IEngineEvents>().PublishAsync(
            new ActivityCompleted(accountId, Course, "quiz", "baseline", DateTimeOffset.UtcNow), CancellationToken.None);

        var states = await ana.ModuleStatesAsync(Course);
        Assert.That(states.First().Value, Is.EqualTo("available"), "the first module stayed locked after the pre-course assessment");
    }

    [Test]
    public async Task PreNotRequired_ModulesOpen_AndTheHomeOffersThePreAssessment()
    {
        using var ana = await _site.ApiClientAsync("ana@example.org");
        await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { }, HttpStatusCode.Created);

        var states = await ana.ModuleStatesAsync(Course);
        Assert.That(states.First().Value, Is.EqualTo("available"));
        using var browser = await _site.BrowserClientAsync("ana@example.org");
        var home = await browser.GetStringAsync($"/courses/{Course}/home");
        Assert.That(home, Does.Contain("Before you start: the pre-course assessment.").And.Contain($"/courses/{Course}/activities/baseline"));
    }

    [Test]
    public async Task ActivityAddress_LeadsToThePluginPage_OrIsNotFound()
    {
        using var ana = await _site.BrowserClientAsync("ana@example.org");
        using var visitor = _site.Client();

        var quiz = await ana.GetAsync($"/courses/{Course}/activities/check-1");
        var missing = await ana.GetAsync($"/courses/{Course}/activities/no-such-activity");
        var otherCourse = await ana.GetAsync("/courses/no-such-course/activities/check-1");
        var anonymous = await visitor.GetAsync($"/courses/{Course}/activities/check-1");

        Assert.That(quiz.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(quiz.Headers.Location?.OriginalString, Is.EqualTo($"/courses/{Course}/quizzes/check-1"));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(otherCourse.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(anonymous.Headers.Location?.OriginalString, Does.StartWith("/account/login"), "visitors learn which activities a course has");
    }

    [Test]
    public async Task BrokenQuiz_IsReportedWithFileLineAndCode_AndTheLastGoodVersionKeepsServing()
    {
        var served = Catalog.Find(Course)!.ContentHash;
        var generation = Catalog.Generation;
        await File.WriteAllTextAsync(Path.Combine(_pack, "assessments", "check-2.md"),
            "---\ntitle: Check 2\n---\n\n## Which body adopts conventions?\n\n- [ ] The Governing Body\n- [ ] The Office\n");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Catalog.Generation == generation)
        {
            await Catalog.WaitForGenerationAsync(generation, timeout.Token);
        }

        using var admin = await _site.ApiClientAsync("admin@example.org");
        var folder = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/packs")).GetProperty("folders").EnumerateArray().Single();
        var error = folder.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("severity").GetString() == "error");
        Assert.That(folder.GetProperty("state").GetString(), Is.EqualTo("serving-last-good"));
        Assert.That((error.GetProperty("file").GetString(), error.GetProperty("line").GetInt32(), error.GetProperty("code").GetString()),
            Is.EqualTo(("assessments/check-2.md", 5, "QUIZ015")));
        Assert.That(Catalog.Find(Course)!.ContentHash, Is.EqualTo(served));
    }

    private async Task ReplaceInPackAsync(string file, string old, string replacement)
    {
        var path = Path.Combine(_pack, file);
        var text = await File.ReadAllTextAsync(path);
        Assert.That(text, Does.Contain(old));
        var generation = Catalog.Generation;
        await File.WriteAllTextAsync(path, text.Replace(old, replacement, StringComparison.Ordinal));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Catalog.Generation == generation || Catalog.Find(Course)?.Pack.Assessment.PreRequired != true)
        {
            await Catalog.WaitForGenerationAsync(Catalog.Generation, timeout.Token);
        }
    }

    private async Task<long> AccountIdAsync(string email)
    {
        await using var connection = _site.Open();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT id FROM account WHERE email = @email", new { email });
    }
}
