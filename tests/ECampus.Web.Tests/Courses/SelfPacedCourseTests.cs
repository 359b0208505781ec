using System.Net;
using System.Net.Http.Json;
using Dapper;
using ECampus.Sdk;
using ECampus.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Web.Tests.Courses;

/// <summary>The self-paced sample course through the API: catalog, open enrolment, unlock rules, progress, completion.</summary>
public sealed class SelfPacedCourseTests
{
    private const string Course = SamplePacks.SelfPaced;
    private TestSite _site = null!;

    [SetUp]
    public async Task StartSite()
    {
        _site = await SamplePacks.StartSiteAsync(null, SamplePacks.SelfPaced, SamplePacks.TutorSupported, SamplePacks.Webinar);
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        await _site.CreateAccountAsync("ana@example.org", "Ana");
        await _site.CreateAccountAsync("ben@example.org", "Ben");
    }

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task Catalog_ListsTheSampleCourses_FiltersAndSearches()
    {
        using var visitor = _site.Client();

        async Task<string[]> Ids(string query) =>
            (await visitor.GetJsonAsync("/api/v1/courses" + query)).EnumerateArray().Select(c => c.GetProperty("id").GetString()!).Order().ToArray();

        Assert.Multiple(async () =>
        {
            Assert.That(await Ids(""), Is.EqualTo(new[] { SamplePacks.TutorSupported, SamplePacks.SelfPaced, SamplePacks.Webinar }));
            Assert.That(await Ids("?format=self-paced"), Is.EqualTo(new[] { Course }));
            Assert.That(await Ids("?language=fr"), Is.EqualTo(new[] { Course }));
            Assert.That(await Ids("?tag=impact%20evaluation"), Is.EqualTo(new[] { SamplePacks.TutorSupported }));
            Assert.That(await Ids("?maxEffortHours=3"), Does.Contain(Course).And.Not.Contain(SamplePacks.TutorSupported));
            Assert.That(await Ids("?q=supervis"), Is.EqualTo(new[] { Course }));
            Assert.That(await Ids("?q=nothing-like-this"), Is.Empty);
        });
    }

    [Test]
    public async Task ModulePage_ListsTheActivitiesThatCompleteIt_WithLinksAndWhatIsDone()
    {
        using var ana = await _site.ApiClientAsync("ana@example.org");
        await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { }, HttpStatusCode.Created);
        var accountId = (await ana.GetJsonAsync("/api/v1/me")).GetProperty("id").GetInt64();
        await _site.ReportActivityAsync(new ActivityCompleted(accountId, Course, "quiz", "baseline", DateTimeOffset.UtcNow));

        var module = await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules/what-are-labour-standards");
        var activities = module.GetProperty("activities").EnumerateArray()
            .Select(a => (Id: a.GetProperty("id").GetString(), Title: a.GetProperty("title").GetString(), Done: a.GetProperty("done").GetBoolean())).ToList();
        Assert.That(activities, Is.EqualTo(new[] { ("baseline", "Baseline quiz", true), ("check-1", "Check: what are international labour standards?", false) }));

        using var browser = await _site.BrowserClientAsync("ana@example.org");
        var html = await browser.GetStringAsync($"/courses/{Course}/modules/what-are-labour-standards");
        var section = html[html.IndexOf("class=\"module-activities\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.That(section, Does.Contain($"<a href=\"/courses/{Course}/activities/baseline\">Baseline quiz</a>"));
        Assert.That(section, Does.Contain($"<a href=\"/courses/{Course}/activities/check-1\">Check: what are international labour standards?</a>"));
        Assert.That(System.Text.RegularExpressions.Regex.Count(section, "tag ok"), Is.EqualTo(1), "only the baseline is done");
    }

    [Test]
    public async Task Learner_Enrols_WorksThroughModulesInOrder_AndCompletesTheCourseOnce()
    {
        using var ana = await _site.ApiClientAsync("ana@example.org");
        var page = await ana.GetJsonAsync($"/api/v1/courses/{Course}");
        Assert.That(page.GetProperty("action").GetString(), Is.EqualTo("enrol"));

        var enrolment = await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { }, HttpStatusCode.Created);
        Assert.That(enrolment.GetProperty("status").GetString(), Is.EqualTo("active"));

        var states = await ana.ModuleStatesAsync(Course);
        Assert.That(states, Is.EqualTo(new Dictionary<string, string>
        {
            ["what-are-labour-standards"] = "available",
            ["fundamental-principles"] = "locked",
            ["how-standards-are-supervised"] = "locked",
            ["standards-at-work"] = "locked",
        }));

        var locked = await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules/fundamental-principles", HttpStatusCode.Forbidden);
        Assert.That(locked.GetProperty("detail").GetString(), Does.Contain("Finish “What are international labour standards?” first"));
        await ana.PostJsonAsync($"/api/v1/courses/{Course}/modules/fundamental-principles/completion", null, HttpStatusCode.Forbidden);

        var first = await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules/what-are-labour-standards");
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("html").GetString(), Does.Contain("<h1"));
            Assert.That(first.GetProperty("status").GetProperty("state").GetString(), Is.EqualTo("in-progress"));
            Assert.That(first.GetProperty("next").GetProperty("id").GetString(), Is.EqualTo("fundamental-principles"));
            Assert.That(first.GetProperty("language").GetString(), Is.EqualTo("en"));
        });

        // The first module holds the baseline assessment and a check quiz: it completes when the quiz plug-in reports both.
        var byHand = await ana.PostJsonAsync($"/api/v1/courses/{Course}/modules/what-are-labour-standards/completion", null, HttpStatusCode.Conflict);
        Assert.That(byHand.GetProperty("detail").GetString(), Does.Contain("completes by itself"));
        await _site.CompleteModuleAsync(ana, Course, "what-are-labour-standards");
        var afterFirst = (await ana.GetJsonAsync($"/api/v1/courses/{Course}/progress")).GetProperty("progress");
        Assert.That(afterFirst.GetProperty("percent").GetInt32(), Is.EqualTo(25));
        Assert.That(afterFirst.GetProperty("next").GetProperty("moduleId").GetString(), Is.EqualTo("fundamental-principles"));
        Assert.That((await ana.ModuleStatesAsync(Course))["fundamental-principles"], Is.EqualTo("available"));

        foreach (var module in new[] { "fundamental-principles", "how-standards-are-supervised" })
        {
            await _site.CompleteModuleAsync(ana, Course, module);
        }

        // The last module waits for its check quiz and the final quiz; the final is reported twice (a retake).
        var accountId = (await ana.GetJsonAsync("/api/v1/me")).GetProperty("id").GetInt64();
        await _site.ReportActivityAsync(new ActivityCompleted(accountId, Course, "quiz", "check-4", DateTimeOffset.UtcNow));
        Assert.That((await ana.ModuleStatesAsync(Course))["standards-at-work"], Is.EqualTo("in-progress").Or.EqualTo("available"),
            "the module completed before the final quiz it holds");
        await _site.ReportActivityAsync(new ActivityCompleted(accountId, Course, "quiz", "final", DateTimeOffset.UtcNow));
        await _site.ReportActivityAsync(new ActivityCompleted(accountId, Course, "quiz", "final", DateTimeOffset.UtcNow));

        var progress = await ana.GetJsonAsync($"/api/v1/courses/{Course}/progress");
        await using var db = _site.Open();
        Assert.Multiple(async () =>
        {
            Assert.That(progress.GetProperty("progress").GetProperty("percent").GetInt32(), Is.EqualTo(100));
            Assert.That(progress.GetProperty("completedAt").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.String));
            Assert.That(await db.ExecuteScalarAsync<long>("SELECT count(*) FROM course_completion WHERE course_id = @Course", new { Course }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ModuleContent_IsForLearnersOnly_ExceptThePreviewModule()
    {
        using var visitor = _site.Client();
        using var ben = await _site.ApiClientAsync("ben@example.org");

        var preview = await visitor.GetJsonAsync($"/api/v1/courses/{Course}/modules/what-are-labour-standards");
        Assert.That(preview.GetProperty("isPreview").GetBoolean(), Is.True);
        await visitor.GetJsonAsync($"/api/v1/courses/{Course}/modules/fundamental-principles", HttpStatusCode.Unauthorized);
        await ben.GetJsonAsync($"/api/v1/courses/{Course}/modules/fundamental-principles", HttpStatusCode.NotFound);
        await ben.GetJsonAsync($"/api/v1/courses/{SamplePacks.TutorSupported}/modules/why-evidence", HttpStatusCode.NotFound);
        await ben.GetJsonAsync($"/api/v1/courses/{Course}/progress", HttpStatusCode.NotFound);
        await ben.PostJsonAsync($"/api/v1/courses/{Course}/modules/what-are-labour-standards/completion", null, HttpStatusCode.NotFound);
        await ben.GetJsonAsync($"/api/v1/courses/no-such-course", HttpStatusCode.NotFound);
        await ben.GetJsonAsync($"/api/v1/courses/{Course}/modules/no-such-module", HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ALearner_CannotReachAnotherLearnersRecords_ByForgingIds()
    {
        using var ana = await _site.ApiClientAsync("ana@example.org");
        using var ben = await _site.ApiClientAsync("ben@example.org");
        await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", null, HttpStatusCode.Created);
        await ben.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", null, HttpStatusCode.Created);
        await _site.CompleteModuleAsync(ana, Course, "what-are-labour-standards");
        await using var db = _site.Open();
        var anaEnrolment = await db.ExecuteScalarAsync<long>("SELECT e.id FROM enrolment e JOIN account a ON a.id = e.account_id WHERE a.email = 'ana@example.org'");

        // Ben, a fellow learner, tries the tutor's routes with Ana's enrolment id, and a body carrying her account id.
        await ben.GetJsonAsync($"/api/v1/courses/{Course}/enrolments", HttpStatusCode.NotFound);
        await ben.PostJsonAsync($"/api/v1/courses/{Course}/enrolments/{anaEnrolment}/remove", new { reason = "x" }, HttpStatusCode.NotFound);
        await ben.PostJsonAsync($"/api/v1/courses/{Course}/enrolments/{anaEnrolment}/approve", null, HttpStatusCode.NotFound);
        await ben.GetJsonAsync($"/api/v1/courses/{Course}/goals", HttpStatusCode.NotFound);
        var benProgress = await ben.GetJsonAsync($"/api/v1/courses/{Course}/progress?accountId={anaEnrolment}");

        Assert.That(benProgress.GetProperty("progress").GetProperty("percent").GetInt32(), Is.Zero, "Ben saw Ana's progress");
        Assert.That(await db.ExecuteScalarAsync<string>("SELECT status FROM enrolment WHERE id = @anaEnrolment", new { anaEnrolment }), Is.EqualTo("active"));
    }

    [Test]
    public async Task TwoLearnersRacingForTheLastPlace_OneGetsIt_TheOtherIsWaitlisted_AndMovesUpWhenItFrees()
    {
        using var admin = await _site.ApiClientAsync("admin@example.org");
        await _site.SetEnrolmentAsync(admin, Course, "open", capacity: 1);
        using var ana = await _site.ApiClientAsync("ana@example.org");
        using var ben = await _site.ApiClientAsync("ben@example.org");

        var answers = await Task.WhenAll(
            ana.PostAsJsonAsync($"/api/v1/courses/{Course}/enrolment", new { }),
            ben.PostAsJsonAsync($"/api/v1/courses/{Course}/enrolment", new { }));

        var statuses = await Task.WhenAll(answers.Select(async a => (a.StatusCode, (await a.JsonAsync(a.StatusCode)).GetProperty("status").GetString())));
        Assert.That(statuses, Is.EquivalentTo(new[] { (HttpStatusCode.Created, "active"), (HttpStatusCode.Accepted, "waitlisted") }));
        var (winner, waiting) = statuses[0].Item2 == "active" ? (ana, ben) : (ben, ana);
        var waitingPage = await waiting.GetJsonAsync($"/api/v1/courses/{Course}");
        Assert.That(waitingPage.GetProperty("action").GetString(), Is.EqualTo("waitlisted"));
        Assert.That(waitingPage.GetProperty("enrolment").GetProperty("waitlistPosition").GetInt64(), Is.EqualTo(1));
        await waiting.GetJsonAsync($"/api/v1/courses/{Course}/progress", HttpStatusCode.NotFound);

        (await winner.DeleteAsync($"/api/v1/courses/{Course}/enrolment")).EnsureSuccessStatusCode();

        var moved = await waiting.GetJsonAsync($"/api/v1/courses/{Course}");
        Assert.That(moved.GetProperty("action").GetString(), Is.EqualTo("enrolled"));
        await waiting.GetJsonAsync($"/api/v1/courses/{Course}/progress");
        await winner.GetJsonAsync($"/api/v1/courses/{Course}/progress", HttpStatusCode.NotFound);
    }

    [Test]
    public async Task KeyEnrolment_RefusesAWrongKey_AndAcceptsTheRightOne()
    {
        using var admin = await _site.ApiClientAsync("admin@example.org");
        await _site.SetEnrolmentAsync(admin, Course, "key", key: "decent-work-2026");
        using var ana = await _site.ApiClientAsync("ana@example.org");

        Assert.That((await ana.GetJsonAsync($"/api/v1/courses/{Course}")).GetProperty("action").GetString(), Is.EqualTo("enter-key"));
        var wrong = await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { key = "guess" }, HttpStatusCode.BadRequest);
        Assert.That(wrong.GetProperty("errors").GetProperty("key")[0].GetString(), Does.Contain("not right"));
        await ana.GetJsonAsync($"/api/v1/courses/{Course}/progress", HttpStatusCode.NotFound);
        await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { key = "decent-work-2026" }, HttpStatusCode.Created);
    }

    [Test]
    public async Task ReadingInAnotherLanguage_IsSaidAndRemembered()
    {
        using var ana = await _site.ApiClientAsync("ana@example.org");
        await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", null, HttpStatusCode.Created);

        var french = await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules/what-are-labour-standards?lang=fr");
        var later = await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules/what-are-labour-standards");
        var unknown = await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules/what-are-labour-standards?lang=xx");

        Assert.Multiple(() =>
        {
            Assert.That(french.GetProperty("language").GetString(), Is.EqualTo("fr"));
            Assert.That(french.GetProperty("languages").EnumerateArray().Select(l => l.GetString()), Is.EqualTo(new[] { "en", "fr" }));
            Assert.That(french.GetProperty("title").GetString(), Is.Not.EqualTo("What are international labour standards?"));
            Assert.That(later.GetProperty("language").GetString(), Is.EqualTo("fr"), "the choice was not remembered");
            Assert.That(unknown.GetProperty("language").GetString(), Is.EqualTo("fr"), "an unknown language was taken");
        });
    }

    [Test]
    public async Task Assets_AreServedWithTypeETagAndSandbox_OnlyFromThePack()
    {
        using var visitor = _site.Client();

        var svg = await visitor.GetAsync($"/courses/{Course}/assets/supervisory-cycle.svg");
        Assert.That(svg.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var etag = svg.Headers.ETag;
        Assert.Multiple(() =>
        {
            Assert.That(svg.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/svg+xml"));
            Assert.That(etag, Is.Not.Null);
            Assert.That(svg.Headers.CacheControl?.MaxAge, Is.EqualTo(TimeSpan.FromHours(1)));
            Assert.That(svg.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("sandbox"));
        });

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/courses/{Course}/assets/supervisory-cycle.svg");
        revalidate.Headers.IfNoneMatch.Add(etag!);
        Assert.That((await visitor.SendAsync(revalidate)).StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That((await visitor.GetAsync($"/courses/{Course}/assets/missing.png")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await visitor.GetAsync($"/courses/{Course}/assets/..%2Fpack.yml")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
