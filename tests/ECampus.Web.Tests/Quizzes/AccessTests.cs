using System.Net;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Quizzes;

/// <summary>Nobody reads an attempt but its learner, and the key stays on the server until the review policy allows it.</summary>
public sealed class AccessTests
{
    private const string Course = QuizApi.SelfPaced;
    private TestSite _site = null!;

    [SetUp]
    public async Task StartSite()
    {
        _site = await QuizApi.StartSiteAsync(null, null, Course);
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
    }

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task AnotherLearner_FindsNoTraceOfAnAttempt_WhateverTheyTry()
    {
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");
        using var ben = await QuizApi.LearnerAsync(_site, "ben@example.org");
        using var bensBrowser = await _site.BrowserClientAsync("ben@example.org");
        var attempt = await ana.StartAsync(Course, "check-1");
        var path = QuizApi.AttemptPath(attempt);
        var question = attempt.GetProperty("questions")[0];
        var questionId = question.GetProperty("id").GetString()!;
        var text = question.GetProperty("text").GetString()!;

        var read = await ben.GetAsync(path);
        var save = await ben.SaveAsync(attempt, questionId, new { type = "choice", optionIds = Array.Empty<string>() });
        var submit = await ben.PostAsync($"{path}/submit", null);
        var page = await bensBrowser.GetAsync($"/courses/{Course}/quizzes/check-1/attempts/{attempt.GetProperty("id").GetString()}");
        var forged = await ana.GetAsync($"{QuizApi.Attempts(Course, "check-1")}/00000000000000000000000000000000");
        var otherQuiz = await ana.GetAsync($"{QuizApi.Attempts(Course, "check-2")}/{attempt.GetProperty("id").GetString()}");

        Assert.That(new[] { read.StatusCode, save.StatusCode, submit.StatusCode, page.StatusCode, forged.StatusCode, otherQuiz.StatusCode },
            Is.All.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await read.Content.ReadAsStringAsync() + await page.Content.ReadAsStringAsync(), Does.Not.Contain(text));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_attempt WHERE status = 'open'"), Is.EqualTo(1), "ben's submit closed ana's attempt");
    }

    [Test]
    public async Task APreCourseAssessment_NeverShowsItsKey_WhileACheckShowsItOnSubmit()
    {
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");
        using var browser = await _site.BrowserClientAsync("ana@example.org");

        var pre = await ana.TakeAsync(_site, Course, "baseline");
        var prePage = await browser.GetStringAsync($"/courses/{Course}/quizzes/baseline/attempts/{pre.GetProperty("id").GetString()}");
        var check = await ana.TakeAsync(_site, Course, "check-1");
        var checkPage = await browser.GetStringAsync($"/courses/{Course}/quizzes/check-1/attempts/{check.GetProperty("id").GetString()}");

        Assert.That(pre.GetProperty("kind").GetString(), Is.EqualTo("pre"));
        Assert.That(pre.GetProperty("review").GetProperty("percent").GetDecimal(), Is.EqualTo(100m), "the pre-course score is shown at once");
        Assert.That(pre.GetProperty("review").TryGetProperty("questions", out _), Is.False, "the pre-course key reached the API");
        Assert.That(prePage, Does.Contain("Your score:").And.Not.Contain("Right answer"));
        Assert.That(check.GetProperty("review").GetProperty("questions")[0].GetProperty("correctOptionIds").GetArrayLength(), Is.EqualTo(1));
        Assert.That(checkPage, Does.Contain("Right answer"));
    }

    [Test]
    public async Task ATutorOrAdministrator_DoesNotTakeQuizzes_AndAStrangerLearnsNothing()
    {
        await _site.CreateAccountAsync("carl@example.org", "Carl");
        using var admin = await _site.ApiClientAsync("admin@example.org");
        using var stranger = await _site.ApiClientAsync("carl@example.org");
        using var visitor = _site.Client();

        var staff = await admin.StartAsync(Course, "check-1", HttpStatusCode.Forbidden);
        await stranger.StartAsync(Course, "check-1", HttpStatusCode.NotFound);
        await stranger.StartAsync("no-such-course", "check-1", HttpStatusCode.NotFound);
        var anonymous = await visitor.PostAsync(QuizApi.Attempts(Course, "check-1"), null);

        Assert.That(staff.GetProperty("detail").GetString(), Is.EqualTo("Only the course's enrolled learners take its quizzes."));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_attempt"), Is.Zero);
    }
}
