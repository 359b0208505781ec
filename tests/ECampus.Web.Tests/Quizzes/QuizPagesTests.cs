using System.Net;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Quizzes;

/// <summary>The quiz pages as a browser without JavaScript uses them: plain forms with the antiforgery field.</summary>
public sealed class QuizPagesTests
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
    public async Task ALearner_StartsSavesAndSubmitsThroughForms_AndSeesTheirScore()
    {
        using var api = await QuizApi.LearnerAsync(_site, "ana@example.org");
        using var browser = await _site.BrowserClientAsync("ana@example.org");
        var quizPage = $"/courses/{Course}/quizzes/check-1";

        Assert.That(await browser.GetStringAsync(quizPage), Does.Contain("Check: what are international labour standards?").And.Contain(">Start</button>"));
        var started = await TestSite.PostFormAsync(browser, $"{quizPage}/attempts", [], quizPage);
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var attemptPage = started.Headers.Location!.OriginalString;
        var form = await browser.GetStringAsync(attemptPage);
        Assert.That(form, Does.Contain("<fieldset").And.Contain("type=\"radio\"").And.Not.Contain("weight"));

        var attempt = await api.GetJsonAsync("/api/v1" + attemptPage);
        var key = await QuizApi.KeyAsync(_site, attempt);
        var fields = key.ToDictionary(k => $"q.{k.Key}", k => k.Value[0]);
        var saved = await TestSite.PostFormAsync(browser, attemptPage, new(fields) { ["action"] = "save" });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await browser.GetStringAsync(saved.Headers.Location!.OriginalString), Does.Contain("Your answers are saved.").And.Contain("checked"));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_answer"), Is.EqualTo(3));

        var submitted = await TestSite.PostFormAsync(browser, attemptPage, new(fields) { ["action"] = "submit" });
        var review = await browser.GetStringAsync(submitted.Headers.Location!.OriginalString);
        Assert.That(review, Does.Contain("Your score: 3 of 3 points (100 %). You passed."));
        Assert.That(await browser.GetStringAsync(quizPage), Does.Contain("100 %, passed"));
    }

    [Test]
    public async Task AFormWithoutItsAntiforgeryToken_ChangesNothing()
    {
        using var api = await QuizApi.LearnerAsync(_site, "ana@example.org");
        using var browser = await _site.BrowserClientAsync("ana@example.org");

        var forged = await browser.PostAsync($"/courses/{Course}/quizzes/check-1/attempts", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_attempt"), Is.Zero);
    }

    [Test]
    public async Task ABadAnswerInTheForm_IsExplainedBesideItsQuestion()
    {
        using var api = await QuizApi.LearnerAsync(_site, "ana@example.org");
        using var browser = await _site.BrowserClientAsync("ana@example.org");
        var attempt = await api.StartAsync(Course, "check-1");
        var page = $"/courses/{Course}/quizzes/check-1/attempts/{attempt.GetProperty("id").GetString()}";
        var first = attempt.GetProperty("questions")[0].GetProperty("id").GetString()!;

        var response = await TestSite.PostFormAsync(browser, page, new() { [$"q.{first}"] = "zz", ["action"] = "submit" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("There is no option &#39;zz&#39;."));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_attempt WHERE status = 'open'"), Is.EqualTo(1), "a form with a bad answer was submitted");
    }
}
