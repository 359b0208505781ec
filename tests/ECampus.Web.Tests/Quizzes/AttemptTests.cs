using System.Net;
using System.Text.Json;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Quizzes;

/// <summary>
/// Attempts through the API on the self-paced sample course: questions without their key, idempotent saves, one grade
/// however often an attempt is submitted, the attempts limit under racing starts, and the snapshot a pack edit cannot touch.
/// </summary>
public sealed class AttemptTests
{
    private const string Course = QuizApi.SelfPaced;
    private TestSite _site = null!;

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    private async Task StartAsync(params (string File, string Old, string New)[] edits) =>
        _site = await QuizApi.StartSiteAsync(null, null, Course, edits);

    [Test]
    public async Task Start_ShowsQuestionsWithoutTheirKey_AndStartingAgainResumesTheOpenAttempt()
    {
        await StartAsync();
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");

        var response = await ana.PostAsync(QuizApi.Attempts(Course, "check-1"), null);
        var body = await response.Content.ReadAsStringAsync();
        var attempt = await response.JsonAsync(HttpStatusCode.Created);
        var again = await ana.StartAsync(Course, "check-1", HttpStatusCode.OK);

        Assert.That(attempt.GetProperty("questions").GetArrayLength(), Is.EqualTo(3));
        Assert.That(attempt.GetProperty("status").GetString(), Is.EqualTo("open"));
        Assert.That(body, Does.Not.Contain("weight").And.Not.Contain("isCorrect").And.Not.Contain("correct"), "the key reached the client: " + body);
        Assert.That(attempt.TryGetProperty("review", out _), Is.False, "an open attempt was reviewed");
        Assert.That(again.GetProperty("id").GetString(), Is.EqualTo(attempt.GetProperty("id").GetString()), "a second start did not resume the open attempt");
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_attempt"), Is.EqualTo(1));
    }

    [Test]
    public async Task SavingTheSameAnswerTwice_KeepsOneAnswer_AndBadAnswersChangeNothing()
    {
        await StartAsync();
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");
        var attempt = await ana.StartAsync(Course, "check-1");
        var question = attempt.GetProperty("questions")[0];
        var id = question.GetProperty("id").GetString()!;
        var option = question.GetProperty("options")[0].GetProperty("id").GetString()!;

        Assert.That((await ana.SaveAsync(attempt, id, new { type = "choice", optionIds = new[] { option } })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await ana.SaveAsync(attempt, id, new { type = "choice", optionIds = new[] { option } })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var unknownOption = await ana.SaveAsync(attempt, id, new { type = "choice", optionIds = new[] { "no-such-option" } });
        var wrongShape = await ana.SaveAsync(attempt, id, new { type = "text", text = "Geneva" });
        var malformed = await ana.PutAsync($"{QuizApi.AttemptPath(attempt)}/answers/{id}", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        var unknownQuestion = await ana.SaveAsync(attempt, "no-such-question", new { type = "choice", optionIds = new[] { option } });

        Assert.That((unknownOption.StatusCode, wrongShape.StatusCode, malformed.StatusCode, unknownQuestion.StatusCode),
            Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound)));
        Assert.That(await unknownOption.Content.ReadAsStringAsync(), Does.Contain("There is no option 'no-such-option'."));
        var stored = await ana.GetJsonAsync(QuizApi.AttemptPath(attempt));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_answer"), Is.EqualTo(1));
        Assert.That(stored.GetProperty("answers").GetProperty(id).GetProperty("optionIds")[0].GetString(), Is.EqualTo(option), "a refused answer replaced the saved one");

        Assert.That((await ana.SaveAsync(attempt, id, new { type = "choice", optionIds = Array.Empty<string>() })).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_answer"), Is.Zero, "a blank answer did not clear the question");
    }

    [Test]
    public async Task OneAttemptSubmittedFromTwoClientsAtOnce_IsGradedOnce_AndBothSeeTheSameResult()
    {
        await StartAsync();
        await _site.CreateAccountAsync("ana@example.org", "Ana");
        using var tab1 = await _site.ApiClientAsync("ana@example.org");
        using var tab2 = await _site.ApiClientAsync("ana@example.org");
        await tab1.PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { }, HttpStatusCode.Created);
        var attempt = await tab1.StartAsync(Course, "check-1");
        var key = await QuizApi.KeyAsync(_site, attempt);
        foreach (var (question, options) in key)
        {
            (await tab2.SaveAsync(attempt, question, new { type = "choice", optionIds = options })).EnsureSuccessStatusCode();
        }

        var submits = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? tab1 : tab2).SubmitAsync(attempt)));

        Assert.That(submits.Count(s => !s.GetProperty("alreadySubmitted").GetBoolean()), Is.EqualTo(1), "more than one submit graded the attempt");
        Assert.That(submits.Select(s => s.GetProperty("review").GetProperty("score").GetDecimal()).Distinct(), Is.EqualTo(new[] { 3m }));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_attempt WHERE status = 'submitted' AND score = 3"), Is.EqualTo(1));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM activity_completion WHERE activity_id = 'check-1'"), Is.EqualTo(1),
            "the passed check was not reported complete exactly once");
        var late = await tab2.SaveAsync(attempt, key.Keys.First(), new { type = "choice", optionIds = Array.Empty<string>() });
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a submitted attempt took an answer");
    }

    [Test]
    public async Task AttemptsLimit_HoldsWhileStartsRace()
    {
        await StartAsync(("assessments/check-1.md", "pass-mark: 60\n", "pass-mark: 60\nattempts: 2\n"));
        await _site.CreateAccountAsync("ana@example.org", "Ana");
        var tabs = new[] { await _site.ApiClientAsync("ana@example.org"), await _site.ApiClientAsync("ana@example.org"), await _site.ApiClientAsync("ana@example.org") };
        await tabs[0].PostJsonAsync($"/api/v1/courses/{Course}/enrolment", new { }, HttpStatusCode.Created);

        async Task<HttpResponseMessage[]> RaceAsync() =>
            await Task.WhenAll(Enumerable.Range(0, 9).Select(i => tabs[i % 3].PostAsync(QuizApi.Attempts(Course, "check-1"), null)));

        foreach (var round in new[] { 1, 2 })
        {
            var started = await RaceAsync();
            var ids = new HashSet<string>();
            foreach (var response in started)
            {
                Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
                ids.Add((await response.JsonAsync(response.StatusCode)).GetProperty("id").GetString()!);
            }

            Assert.That(ids, Has.Count.EqualTo(1), $"round {round}: racing starts opened several attempts");
            Assert.That(started.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
            await tabs[0].PostJsonAsync($"{QuizApi.Attempts(Course, "check-1")}/{ids.Single()}/submit", null, HttpStatusCode.OK);
        }

        var third = await RaceAsync();
        Assert.That(third.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await third[0].Content.ReadAsStringAsync(), Does.Contain("You have used all 2 attempts at this quiz."));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_attempt"), Is.EqualTo(2));
        foreach (var tab in tabs)
        {
            tab.Dispose();
        }
    }

    [Test]
    public async Task AnAttemptKeepsItsQuestionsAndKey_WhenThePackIsEditedMidAttempt()
    {
        await StartAsync();
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");
        var attempt = await ana.StartAsync(Course, "check-1");
        var key = await QuizApi.KeyAsync(_site, attempt);

        await QuizApi.EditPackAsync(_site, Course, "assessments/check-1.md",
            "## Which of these is binding once ratified?\n\n- [x] A Convention\n- [ ] A Recommendation",
            "## Which of these is binding once ratified? (edited)\n\n- [ ] A Convention\n- [x] A Recommendation");

        var resumed = await ana.GetJsonAsync(QuizApi.AttemptPath(attempt));
        Assert.That(resumed.GetProperty("questions")[0].GetProperty("text").GetString(), Is.EqualTo("Which of these is binding once ratified?"));
        foreach (var (question, options) in key)
        {
            (await ana.SaveAsync(attempt, question, new { type = "choice", optionIds = options })).EnsureSuccessStatusCode();
        }

        var result = await ana.SubmitAsync(attempt);
        Assert.That(result.GetProperty("review").GetProperty("score").GetDecimal(), Is.EqualTo(3m), "the attempt was graded against the edited key");
        var fresh = await ana.StartAsync(Course, "check-1");
        Assert.That(fresh.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("text").GetString()),
            Has.Member("Which of these is binding once ratified? (edited)"), "a new attempt did not take the new version");
    }

    [Test]
    public async Task PostCourseAssessment_WaitsForEveryModule()
    {
        await StartAsync();
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");

        var refused = await ana.StartAsync(Course, "final", HttpStatusCode.Conflict);

        Assert.That(refused.GetProperty("detail").GetString(), Is.EqualTo("The post-course assessment opens once you have completed every module."));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_attempt"), Is.Zero);
    }

    [Test]
    public async Task ASurveyMarkedAnonymous_KeepsNoLinkFromAnswersToTheLearner()
    {
        _site = await QuizApi.StartSiteAsync(null, null, SamplePacks.Webinar, ("pack.yml", "  closes: 2026-05-19", "  closes: 2099-05-19"));
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org", SamplePacks.Webinar);
        var attempt = await ana.StartAsync(SamplePacks.Webinar, "satisfaction-survey");
        var questions = attempt.GetProperty("questions").EnumerateArray().ToList();
        var first = questions[0];
        (await ana.SaveAsync(attempt, first.GetProperty("id").GetString()!, new { type = "choice", optionIds = new[] { first.GetProperty("options")[1].GetProperty("id").GetString() } })).EnsureSuccessStatusCode();
        var freeText = questions.Last();
        (await ana.SaveAsync(attempt, freeText.GetProperty("id").GetString()!, new { type = "text", text = "=HYPERLINK(\"x\") and green skills" })).EnsureSuccessStatusCode();

        var submitted = await ana.SubmitAsync(attempt);
        using var admin = await _site.ApiClientAsync("admin@example.org");
        var results = await admin.GetJsonAsync($"/api/v1/courses/{SamplePacks.Webinar}/quizzes/satisfaction-survey/survey-results");

        Assert.That(submitted.GetProperty("review").TryGetProperty("score", out _), Is.False, "a survey showed a score");
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_answer"), Is.Zero, "an anonymous survey's answers stayed beside the attempt");
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_survey_response"), Is.EqualTo(1));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_survey_response WHERE submitted_on LIKE '____-__-__'"), Is.EqualTo(1), "the response kept a precise time");
        Assert.That(results.GetProperty("responses").GetInt32(), Is.EqualTo(1));
        Assert.That(results.GetProperty("questions")[0].GetProperty("counts")[1].GetProperty("count").GetInt32(), Is.EqualTo(1));
        Assert.That(results.GetProperty("questions").EnumerateArray().Last().GetProperty("texts")[0].GetString(), Does.Contain("green skills"));
        await ana.GetJsonAsync($"/api/v1/courses/{SamplePacks.Webinar}/quizzes/satisfaction-survey/survey-results", HttpStatusCode.Forbidden);
    }
}
