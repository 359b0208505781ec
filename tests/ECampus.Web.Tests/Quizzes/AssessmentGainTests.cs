using System.Net;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Quizzes;

/// <summary>Knowledge gain from the pre- to the post-course assessment: the learner's own, and their cohorts' for tutors only.</summary>
public sealed class AssessmentGainTests
{
    private TestSite _site = null!;

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task ALearnerWhoFinishesTheCourse_SeesTheirGain_AndTheCsvIsSafeForSpreadsheets()
    {
        const string course = QuizApi.SelfPaced;
        _site = await QuizApi.StartSiteAsync(null, null, course,
            ("assessments/baseline.md", "## Who adopts international labour standards?", "## =SUM(A1) Who adopts international labour standards?"));
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");

        var pre = await ana.TakeAsync(_site, course, "baseline", rightCount: 2);
        await ana.StartAsync(course, "final", HttpStatusCode.Conflict);
        foreach (var check in new[] { "check-1", "check-2", "check-3", "check-4" })
        {
            Assert.That((await ana.TakeAsync(_site, course, check)).GetProperty("review").GetProperty("passed").GetBoolean(), Is.True);
        }

        var post = await ana.TakeAsync(_site, course, "final");
        var own = await ana.GetJsonAsync($"/api/v1/courses/{course}/assessment-gain");
        var prePercent = pre.GetProperty("review").GetProperty("percent").GetDecimal();

        Assert.That(prePercent, Is.LessThan(100m));
        Assert.That(post.GetProperty("review").GetProperty("passed").GetBoolean(), Is.True);
        Assert.That(own.GetProperty("isOwn").GetBoolean(), Is.True);
        var row = own.GetProperty("learners").EnumerateArray().Single();
        Assert.That((row.GetProperty("pre").GetDecimal(), row.GetProperty("post").GetDecimal(), row.GetProperty("gain").GetDecimal(), row.GetProperty("normalisedGain").GetDecimal()),
            Is.EqualTo((prePercent, 100m, 100m - prePercent, 1m)));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM activity_completion WHERE activity_id = 'final'"), Is.EqualTo(1));

        using var browser = await _site.BrowserClientAsync("ana@example.org");
        Assert.That(await browser.GetStringAsync($"/courses/{course}/assessment-gain"), Does.Contain("Your gain").And.Contain($"+{100m - prePercent:0.##} points"));
        using var adminBrowser = await _site.BrowserClientAsync("admin@example.org");
        var page = await adminBrowser.GetStringAsync($"/courses/{course}/assessment-gain");
        var csv = await adminBrowser.GetStringAsync($"/courses/{course}/assessment-gain.csv");
        Assert.That(page, Does.Contain("<svg").And.Contain("Learners with both scores"));
        Assert.That(csv, Does.StartWith("learner,name,cohort,pre,post,gain,normalised_gain\r\n"));
        Assert.That(csv, Does.Contain("\"'=SUM(A1) Who adopts").And.Not.Contain(",\"=SUM"), "a question starting with = would run as a formula");
    }

    [Test]
    public async Task ATutor_SeesTheGainOfTheirOwnCohortOnly()
    {
        const string course = SamplePacks.TutorSupported;
        _site = await QuizApi.StartSiteAsync(null, null, course);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        var tina = await _site.CreateAccountAsync("tina@example.org", "Tina Tutor");
        var theo = await _site.CreateAccountAsync("theo@example.org", "Theo Tutor");
        using var admin = await _site.ApiClientAsync("admin@example.org");
        await _site.SetEnrolmentAsync(admin, course, "open");
        var now = (await admin.PostJsonAsync($"/api/v1/courses/{course}/cohorts", new { name = "Now", startsOn = today, capacity = 30 }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var later = (await admin.PostJsonAsync($"/api/v1/courses/{course}/cohorts", new { name = "Later", startsOn = today.AddDays(60) }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        (await admin.PutAsync($"/api/v1/courses/{course}/cohorts/{now}/tutors/{tina}", null)).EnsureSuccessStatusCode();
        (await admin.PutAsync($"/api/v1/courses/{course}/cohorts/{later}/tutors/{theo}", null)).EnsureSuccessStatusCode();
        await _site.CreateAccountAsync("ana@example.org", "Ana");
        await _site.CreateAccountAsync("ben@example.org", "Ben");
        using var ana = await _site.ApiClientAsync("ana@example.org");
        using var ben = await _site.ApiClientAsync("ben@example.org");
        await ana.PostJsonAsync($"/api/v1/courses/{course}/enrolment", new { cohortId = now }, HttpStatusCode.Created);
        await ben.PostJsonAsync($"/api/v1/courses/{course}/enrolment", new { cohortId = later }, HttpStatusCode.Created);
        await ana.TakeAsync(_site, course, "pre-course", rightCount: 1);
        await ben.TakeAsync(_site, course, "pre-course", rightCount: 3);
        using var tinaClient = await _site.ApiClientAsync("tina@example.org");
        using var theoClient = await _site.ApiClientAsync("theo@example.org");

        var tinas = await tinaClient.GetJsonAsync($"/api/v1/courses/{course}/assessment-gain");
        var theos = await theoClient.GetJsonAsync($"/api/v1/courses/{course}/assessment-gain");
        await theoClient.GetJsonAsync($"/api/v1/courses/{course}/assessment-gain?cohortId={now}", HttpStatusCode.NotFound);
        var all = await admin.GetJsonAsync($"/api/v1/courses/{course}/assessment-gain");
        var anas = await ana.GetJsonAsync($"/api/v1/courses/{course}/assessment-gain");

        Assert.That(tinas.GetProperty("learners").EnumerateArray().Select(l => (l.GetProperty("cohortId").GetInt64(), l.GetProperty("pre").GetDecimal())), Is.EqualTo(new[] { (now, 20m) }));
        Assert.That(theos.GetProperty("learners").EnumerateArray().Select(l => (l.GetProperty("cohortId").GetInt64(), l.GetProperty("pre").GetDecimal())), Is.EqualTo(new[] { (later, 60m) }));
        Assert.That(all.GetProperty("learners").GetArrayLength(), Is.EqualTo(2));
        Assert.That(anas.GetProperty("learners").GetArrayLength(), Is.EqualTo(1));
        Assert.That(anas.GetProperty("learners")[0].GetProperty("pre").GetDecimal(), Is.EqualTo(20m), "a learner saw someone else's score");
        Assert.That(tinas.GetProperty("questions").GetArrayLength(), Is.EqualTo(5));
    }
}
