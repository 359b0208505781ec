using System.Globalization;
using System.Net;
using Dapper;
using ECampus.Testing;

namespace ECampus.Web.Tests.Courses;

/// <summary>
/// The tutor-supported sample course through the API: requests approved by the cohort's tutor, cohorts with their own
/// tutors and calendars, learning goals before the first module, weeks that open on their day, removal.
/// </summary>
public sealed class CohortCourseTests
{
    private const string Course = SamplePacks.TutorSupported;
    private TestSite _site = null!;
    private HttpClient _admin = null!;
    private long _springCohort;
    private long _autumnCohort;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [SetUp]
    public async Task StartSite()
    {
        _site = await SamplePacks.StartSiteAsync(null, Course);
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        var tina = await _site.CreateAccountAsync("tina@example.org", "Tina Tutor");
        var theo = await _site.CreateAccountAsync("theo@example.org", "Theo Tutor");
        await _site.CreateAccountAsync("ana@example.org", "Ana");
        await _site.CreateAccountAsync("ben@example.org", "Ben");

        // The pack's own run is over; an administrator opens enrolment again and schedules two new cohorts.
        _admin = await _site.ApiClientAsync("admin@example.org");
        await _site.SetEnrolmentAsync(_admin, Course, "approval");
        _springCohort = (await _admin.PostJsonAsync($"/api/v1/courses/{Course}/cohorts", new { name = "Now", startsOn = Today, capacity = 30 }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        _autumnCohort = (await _admin.PostJsonAsync($"/api/v1/courses/{Course}/cohorts", new { name = "Later", startsOn = Today.AddDays(60) }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        (await _admin.PutAsync($"/api/v1/courses/{Course}/cohorts/{_springCohort}/tutors/{tina}", null)).EnsureSuccessStatusCode();
        (await _admin.PutAsync($"/api/v1/courses/{Course}/cohorts/{_autumnCohort}/tutors/{theo}", null)).EnsureSuccessStatusCode();
    }

    [TearDown]
    public async Task StopSite()
    {
        _admin.Dispose();
        await _site.DisposeAsync();
    }

    [Test]
    public async Task Request_IsApprovedByTheCohortsTutor_ThenGoalsComeFirst_AndWeekTwoWaitsForItsDay()
    {
        using var ana = await _site.ApiClientAsync("ana@example.org");
        using var tina = await _site.ApiClientAsync("tina@example.org");
        using var theo = await _site.ApiClientAsync("theo@example.org");

        var asked = await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { cohortId = _springCohort }, HttpStatusCode.Accepted);
        Assert.That(asked.GetProperty("status").GetString(), Is.EqualTo("requested"));
        await ana.GetJsonAsync($"/api/v1/courses/{Course}/progress", HttpStatusCode.NotFound);

        var theosQueue = await theo.GetJsonAsync($"/api/v1/courses/{Course}/enrolments?status=requested");
        var tinasQueue = await tina.GetJsonAsync($"/api/v1/courses/{Course}/enrolments?status=requested");
        Assert.That(theosQueue.GetArrayLength(), Is.Zero, "a tutor saw a request for a cohort they do not teach");
        Assert.That(tinasQueue.GetArrayLength(), Is.EqualTo(1));
        var enrolmentId = tinasQueue[0].GetProperty("id").GetInt64();
        await theo.PostJsonAsync($"/api/v1/courses/{Course}/enrolments/{enrolmentId}/approve", null, HttpStatusCode.NotFound);

        var approved = await tina.PostJsonAsync($"/api/v1/courses/{Course}/enrolments/{enrolmentId}/approve", null, HttpStatusCode.OK);
        Assert.That(approved.GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That(await _site.DeliveredMailsAsync(), Has.Some.Contains("was approved"));

        var before = await ana.ModuleStatesAsync(Course);
        Assert.That(before.Values, Is.All.EqualTo("locked"), "modules opened before the learning goals were written");
        var goalsFirst = await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules/why-evidence", HttpStatusCode.Forbidden);
        Assert.That(goalsFirst.GetProperty("detail").GetString(), Does.Contain("learning goals"));

        await ana.PutJsonAsync($"/api/v1/courses/{Course}/goals", new { goals = new[] { "a", "b", "c", "d" } }, HttpStatusCode.BadRequest);
        await ana.PutJsonAsync($"/api/v1/courses/{Course}/goals", new { goals = new[] { "Frame our youth employment question", "Judge the evidence on wage subsidies" } }, HttpStatusCode.NoContent);

        var modules = (await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules")).EnumerateArray().ToDictionary(m => m.GetProperty("moduleId").GetString()!);
        var weekTwoOpens = Today.AddDays(7).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(modules["why-evidence"].GetProperty("state").GetString(), Is.EqualTo("available"));
            Assert.That(modules["framing-policy-questions"].GetProperty("state").GetString(), Is.EqualTo("locked"));
            Assert.That(modules["framing-policy-questions"].GetProperty("lockedReason").GetString(), Is.EqualTo($"Opens on {weekTwoOpens}."));
        });
        await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules/why-evidence");
        await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules/framing-policy-questions", HttpStatusCode.Forbidden);
        await ana.PostJsonAsync($"/api/v1/courses/{Course}/modules/framing-policy-questions/completion", null, HttpStatusCode.Forbidden);

        var goals = await tina.GetJsonAsync($"/api/v1/courses/{Course}/goals");
        Assert.That(goals[0].GetProperty("goals").GetArrayLength(), Is.EqualTo(2));
        Assert.That((await theo.GetJsonAsync($"/api/v1/courses/{Course}/goals")).GetArrayLength(), Is.Zero, "a tutor saw another cohort's goals");
        await ana.PutJsonAsync($"/api/v1/courses/{Course}/goals/ratings", new { ratings = new[] { new { position = 1, rating = 4 }, new { position = 2, rating = 3 } } }, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task LaterCohort_OpensItsWeeksOnItsOwnCalendar()
    {
        using var ben = await _site.ApiClientAsync("ben@example.org");
        using var theo = await _site.ApiClientAsync("theo@example.org");
        await ben.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { cohortId = _autumnCohort }, HttpStatusCode.Accepted);
        var request = (await theo.GetJsonAsync($"/api/v1/courses/{Course}/enrolments?status=requested"))[0].GetProperty("id").GetInt64();
        await theo.PostJsonAsync($"/api/v1/courses/{Course}/enrolments/{request}/approve", null, HttpStatusCode.OK);
        await ben.PutJsonAsync($"/api/v1/courses/{Course}/goals", new { goals = new[] { "Write a brief my minister reads" } }, HttpStatusCode.NoContent);

        var weekOne = (await ben.GetJsonAsync($"/api/v1/courses/{Course}/modules")).EnumerateArray().First();

        Assert.That(weekOne.GetProperty("state").GetString(), Is.EqualTo("locked"));
        Assert.That(weekOne.GetProperty("lockedReason").GetString(), Is.EqualTo($"Opens on {Today.AddDays(60).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}."));
    }

    [Test]
    public async Task RejectedRequest_NeedsAReason_AndTheLearnerIsTold()
    {
        using var ana = await _site.ApiClientAsync("ana@example.org");
        using var tina = await _site.ApiClientAsync("tina@example.org");
        await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { cohortId = _springCohort }, HttpStatusCode.Accepted);
        var request = (await tina.GetJsonAsync($"/api/v1/courses/{Course}/enrolments?status=requested"))[0].GetProperty("id").GetInt64();

        await tina.PostJsonAsync($"/api/v1/courses/{Course}/enrolments/{request}/reject", new { reason = "" }, HttpStatusCode.BadRequest);
        await tina.PostJsonAsync($"/api/v1/courses/{Course}/enrolments/{request}/reject", new { reason = "This track is for ministry staff." }, HttpStatusCode.OK);

        var page = await ana.GetJsonAsync($"/api/v1/courses/{Course}");
        Assert.That(page.GetProperty("action").GetString(), Is.EqualTo("request"));
        Assert.That(page.GetProperty("actionNote").GetString(), Does.Contain("ministry staff"));
        Assert.That(await _site.DeliveredMailsAsync(), Has.Some.Contains("ministry staff"));
    }

    [Test]
    public async Task RemovedLearner_LosesAccess_KeepsTheirRecords_AndCannotRejoinAlone()
    {
        using var ana = await _site.ApiClientAsync("ana@example.org");
        using var tina = await _site.ApiClientAsync("tina@example.org");
        await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { cohortId = _springCohort }, HttpStatusCode.Accepted);
        var enrolment = (await tina.GetJsonAsync($"/api/v1/courses/{Course}/enrolments?status=requested"))[0].GetProperty("id").GetInt64();
        await tina.PostJsonAsync($"/api/v1/courses/{Course}/enrolments/{enrolment}/approve", null, HttpStatusCode.OK);
        await ana.PutJsonAsync($"/api/v1/courses/{Course}/goals", new { goals = new[] { "Learn to read impact evaluations" } }, HttpStatusCode.NoContent);
        await _site.CompleteModuleAsync(ana, Course, "why-evidence");

        await (await tina.PostAsync($"/api/v1/courses/{Course}/enrolments/{enrolment}/remove", null)).JsonAsync(HttpStatusCode.NoContent);

        await ana.GetJsonAsync($"/api/v1/courses/{Course}/modules/why-evidence", HttpStatusCode.NotFound);
        await ana.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { cohortId = _springCohort }, HttpStatusCode.Conflict);
        await using var db = _site.Open();
        Assert.That(await db.ExecuteScalarAsync<long>("SELECT count(*) FROM module_progress WHERE course_id = @Course", new { Course }), Is.EqualTo(1));
        Assert.That(await db.ExecuteScalarAsync<long>("SELECT count(*) FROM learning_goal WHERE course_id = @Course", new { Course }), Is.EqualTo(1));

        // Taken back by the tutor, the learner finds their work where they left it.
        await tina.PostJsonAsync($"/api/v1/courses/{Course}/enrolments/{enrolment}/approve", null, HttpStatusCode.OK);
        Assert.That((await ana.ModuleStatesAsync(Course))["why-evidence"], Is.EqualTo("done"));
    }

    [Test]
    public async Task OnlyAuthorsAndAdministrators_RunCohortsAndTutors()
    {
        using var tina = await _site.ApiClientAsync("tina@example.org");
        var ben = await _site.Open().ExecuteScalarAsync<long>("SELECT id FROM account WHERE email = 'ben@example.org'");

        await tina.PostJsonAsync($"/api/v1/courses/{Course}/cohorts", new { name = "Mine", startsOn = Today }, HttpStatusCode.Forbidden);
        Assert.That((await tina.PutAsync($"/api/v1/courses/{Course}/cohorts/{_springCohort}/tutors/{ben}", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await _admin.PostJsonAsync($"/api/v1/courses/{Course}/cohorts", new { name = "Now", startsOn = Today }, HttpStatusCode.Conflict);
        await _admin.PostJsonAsync($"/api/v1/courses/{SamplePacks.TutorSupported}/cohorts", new { name = "", startsOn = Today }, HttpStatusCode.BadRequest);

        var cohorts = await _site.Client().GetJsonAsync($"/api/v1/courses/{Course}/cohorts");
        Assert.That(cohorts.EnumerateArray().Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { "Now", "Later" }));
        Assert.That(cohorts[0].GetProperty("tutors")[0].GetProperty("displayName").GetString(), Is.EqualTo("Tina Tutor"));
    }
}
