using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Quizzes;

/// <summary>
/// Tutors see the attempts of their own cohorts and grade the answers that need a person; the attempt's score,
/// pass/fail and the module's completion follow in the same write, and the learner sees the grade in their review.
/// The tutor-supported sample course gets a check quiz with an essay in its first module.
/// </summary>
public sealed class TutorGradingTests
{
    private const string Course = SamplePacks.TutorSupported;
    private const string Other = SamplePacks.SelfPaced;
    private const string Quiz = "reflection";

    private const string Reflection = """
        ---
        title: Reflection on module one
        pass-mark: 50
        ---

        ## Which stage of the policy cycle asks "did it work"? {#stage}

        - [x] Evaluation
        - [ ] Formulation

        ## Describe a policy question from your own work {#essay type=essay points=4}

        Write a few lines.
        """;

    private TestSite _site = null!;
    private HttpClient _admin = null!;
    private long _now;
    private long _later;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        var root = Directory.CreateTempSubdirectory("ecampus-test-").FullName;
        var folder = SamplePacks.CopyInto(Path.Combine(root, "packs"), Course);
        SamplePacks.CopyInto(Path.Combine(root, "packs"), Other);
        await File.WriteAllTextAsync(Path.Combine(folder, "assessments", $"{Quiz}.md"), Reflection);
        await File.AppendAllTextAsync(Path.Combine(folder, "01-why-evidence.md"), $"\n:::activity quiz {Quiz}\nA short reflection, graded by your tutor.\n:::\n");
        _site = await TestSite.StartAsync(null, root);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        var tina = await _site.CreateAccountAsync("tina@example.org", "Tina Tutor");
        var theo = await _site.CreateAccountAsync("theo@example.org", "Theo Tutor");
        var otto = await _site.CreateAccountAsync("otto@example.org", "Otto Elsewhere");
        _admin = await _site.ApiClientAsync("admin@example.org");
        await _site.SetEnrolmentAsync(_admin, Course, "open");
        _now = (await _admin.PostJsonAsync($"/api/v1/courses/{Course}/cohorts", new { name = "Now", startsOn = today, capacity = 30 }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        _later = (await _admin.PostJsonAsync($"/api/v1/courses/{Course}/cohorts", new { name = "Later", startsOn = today.AddDays(-1) }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        (await _admin.PutAsync($"/api/v1/courses/{Course}/cohorts/{_now}/tutors/{tina}", null)).EnsureSuccessStatusCode();
        (await _admin.PutAsync($"/api/v1/courses/{Course}/cohorts/{_later}/tutors/{theo}", null)).EnsureSuccessStatusCode();
        (await _admin.PutAsync($"/api/v1/courses/{Other}/tutors/{otto}", null)).EnsureSuccessStatusCode();
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        _admin?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    [Test]
    public async Task ATutorOfTheCohort_GradesAnEssay_AndScorePassAndCompletionFollow_AndTheLearnerSeesTheGrade()
    {
        var (ana, attempt) = await SubmittedAsync("ana1@example.org", "Ana One", _now, "Raising the minimum wage for domestic workers.");
        using var tina = await _site.ApiClientAsync("tina@example.org");
        var attemptId = attempt.GetProperty("id").GetString()!;
        Assert.That(attempt.GetProperty("review").GetProperty("pending").GetBoolean(), Is.True, "the essay did not wait for a tutor");
        Assert.That(await CompletedAsync(ana.AccountId), Is.Zero, "a check waiting for its essay's grade completed the activity");

        var listed = (await tina.GetJsonAsync(AttemptsPath)).GetProperty("attempts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == attemptId);
        var view = await tina.GetJsonAsync($"{AttemptsPath}/{attemptId}/grades");
        var essay = view.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("question").GetProperty("id").GetString() == "essay");
        var graded = await tina.PutJsonAsync($"{AttemptsPath}/{attemptId}/grades/essay", new { points = 3, feedback = "A clear question; <b>name</b> your data source." }, HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(listed.GetProperty("learnerName").GetString(), Is.EqualTo("Ana One"));
            Assert.That(listed.GetProperty("needsGrading").GetBoolean(), Is.True);
            Assert.That(listed.GetProperty("status").GetString(), Is.EqualTo("submitted"));
            Assert.That(listed.GetProperty("score").GetDecimal(), Is.EqualTo(1m));
            Assert.That(essay.GetProperty("answer").GetProperty("text").GetString(), Is.EqualTo("Raising the minimum wage for domestic workers."));
            Assert.That(essay.GetProperty("gradable").GetBoolean(), Is.True);
            Assert.That(essay.GetProperty("needsGrading").GetBoolean(), Is.True);
            Assert.That((graded.GetProperty("score").GetDecimal(), graded.GetProperty("percent").GetDecimal(), graded.GetProperty("passed").GetBoolean(), graded.GetProperty("pending").GetBoolean()),
                Is.EqualTo((4m, 80m, true, false)));
        });
        Assert.That(await CompletedAsync(ana.AccountId), Is.EqualTo(1), "passing once the essay was graded did not complete the activity");
        var stored = await QuizApi.CountAsync(_site,
            "SELECT count(*) FROM quizzes_manual_grade g JOIN account a ON a.id = g.graded_by WHERE g.attempt_id = @attemptId AND a.email = 'tina@example.org' AND g.graded_at IS NOT NULL AND g.account_id = @account",
            new { attemptId, account = ana.AccountId });
        Assert.That(stored, Is.EqualTo(1), "who graded and when was not recorded");

        var review = await ana.Client.GetJsonAsync($"{AttemptsPath}/{attemptId}");
        var reviewed = review.GetProperty("review").GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("questionId").GetString() == "essay");
        using var browser = await _site.BrowserClientAsync(ana.Email);
        var page = await browser.GetStringAsync($"/courses/{Course}/quizzes/{Quiz}/attempts/{attemptId}");
        Assert.Multiple(() =>
        {
            Assert.That(review.GetProperty("review").GetProperty("score").GetDecimal(), Is.EqualTo(4m));
            Assert.That(reviewed.GetProperty("tutorGrade").GetProperty("points").GetDecimal(), Is.EqualTo(3m));
            Assert.That(reviewed.GetProperty("tutorGrade").GetProperty("feedback").GetString(), Is.EqualTo("A clear question; <b>name</b> your data source."));
            Assert.That(page, Does.Contain("Your score: 4 of 5 points (80 %). You passed."));
            Assert.That(page, Does.Contain("A clear question; &lt;b&gt;name&lt;/b&gt; your data source."), "the tutor's feedback is not shown, as text, in the review");
        });
        ana.Client.Dispose();
    }

    [Test]
    public async Task GradingTwice_TheLatestGradeCounts_AndEveryGradeIsKept()
    {
        var (ana, attempt) = await SubmittedAsync("ana2@example.org", "Ana Two", _now, "Youth unemployment.");
        ana.Client.Dispose();
        var path = $"{AttemptsPath}/{attempt.GetProperty("id").GetString()}/grades";
        using var tina = await _site.ApiClientAsync("tina@example.org");

        await tina.PutJsonAsync($"{path}/essay", new { points = 4 }, HttpStatusCode.OK);
        await _admin.PutJsonAsync($"{path}/essay", new { points = 0.5, feedback = "Regraded after moderation." }, HttpStatusCode.OK);
        var view = await tina.GetJsonAsync(path);

        var essay = view.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("question").GetProperty("id").GetString() == "essay");
        var grades = essay.GetProperty("grades").EnumerateArray().Select(g => (g.GetProperty("points").GetDecimal(), g.GetProperty("gradedByName").GetString())).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(grades, Is.EqualTo(new[] { (4m, "Tina Tutor"), (0.5m, "Admin") }), "the history of grades");
            Assert.That(essay.GetProperty("result").GetProperty("score").GetDecimal(), Is.EqualTo(0.5m), "the latest grade does not count");
            Assert.That((view.GetProperty("score").GetDecimal(), view.GetProperty("passed").GetBoolean()), Is.EqualTo((1.5m, false)));
        });
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_attempt WHERE id = @id AND score = 1.5 AND passed = 0 AND pending = 0",
            new { id = attempt.GetProperty("id").GetString() }), Is.EqualTo(1), "the stored attempt does not carry the latest grade");
    }

    [Test]
    public async Task OnlyTutorsOfTheLearnersCohort_AndAdministrators_SeeOrGradeTheAttempt()
    {
        var (ana, attempt) = await SubmittedAsync("ana3@example.org", "Ana Three", _now, "Skills mismatch.");
        var attemptId = attempt.GetProperty("id").GetString()!;
        var view = $"{AttemptsPath}/{attemptId}/grades";
        using var theo = await _site.ApiClientAsync("theo@example.org");
        using var otto = await _site.ApiClientAsync("otto@example.org");
        using var visitor = _site.Client();
        var grade = JsonContent.Create(new { points = 2 });

        var theosList = await theo.GetJsonAsync(AttemptsPath);
        var answers = new Dictionary<string, HttpStatusCode>
        {
            ["tutor of another cohort, view"] = (await theo.GetAsync(view)).StatusCode,
            ["tutor of another cohort, grade"] = (await theo.PutAsync($"{view}/essay", grade)).StatusCode,
            ["another course's tutor, list"] = (await otto.GetAsync(AttemptsPath)).StatusCode,
            ["another course's tutor, view"] = (await otto.GetAsync(view)).StatusCode,
            ["another course's tutor, grade"] = (await otto.PutAsync($"{view}/essay", grade)).StatusCode,
            ["the learner, list"] = (await ana.Client.GetAsync(AttemptsPath)).StatusCode,
            ["the learner, view"] = (await ana.Client.GetAsync(view)).StatusCode,
            ["the learner grading themself"] = (await ana.Client.PutAsync($"{view}/essay", grade)).StatusCode,
            ["anonymous, list"] = (await visitor.GetAsync(AttemptsPath)).StatusCode,
            ["anonymous, view"] = (await visitor.GetAsync(view)).StatusCode,
            ["anonymous, grade"] = (await visitor.PutAsync($"{view}/essay", grade)).StatusCode,
            ["an administrator, view"] = (await _admin.GetAsync(view)).StatusCode,
        };

        Assert.That(theosList.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("id").GetString()), Does.Not.Contain(attemptId), "a tutor of another cohort listed the attempt");
        Assert.That(answers, Is.EqualTo(new Dictionary<string, HttpStatusCode>
        {
            ["tutor of another cohort, view"] = HttpStatusCode.NotFound,
            ["tutor of another cohort, grade"] = HttpStatusCode.NotFound,
            ["another course's tutor, list"] = HttpStatusCode.NotFound,
            ["another course's tutor, view"] = HttpStatusCode.NotFound,
            ["another course's tutor, grade"] = HttpStatusCode.NotFound,
            ["the learner, list"] = HttpStatusCode.Forbidden,
            ["the learner, view"] = HttpStatusCode.Forbidden,
            ["the learner grading themself"] = HttpStatusCode.Forbidden,
            ["anonymous, list"] = HttpStatusCode.Unauthorized,
            ["anonymous, view"] = HttpStatusCode.Unauthorized,
            ["anonymous, grade"] = HttpStatusCode.Unauthorized,
            ["an administrator, view"] = HttpStatusCode.OK,
        }));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_manual_grade WHERE attempt_id = @attemptId", new { attemptId }), Is.Zero, "a refused grade was stored");
        ana.Client.Dispose();
    }

    [Test]
    public async Task ForgedIdsAreNotFound_AndGradesOutsideTheQuestionsRangeAreRefusedWithTheReason()
    {
        var (ana, attempt) = await SubmittedAsync("ana4@example.org", "Ana Four", _now, "Informality.");
        var attemptId = attempt.GetProperty("id").GetString()!;
        using var tina = await _site.ApiClientAsync("tina@example.org");
        using var ana5 = await QuizApi.LearnerInCohortAsync(_site, "ana5@example.org", "Ana Five", _now);
        var open = await ana5.StartAsync(Course, Quiz);

        var forgedAttempt = await tina.PutAsync($"{AttemptsPath}/0123456789abcdef0123456789abcdef/grades/essay", JsonContent.Create(new { points = 1 }));
        var forgedQuestion = await tina.PutAsync($"{AttemptsPath}/{attemptId}/grades/no-such-question", JsonContent.Create(new { points = 1 }));
        var otherQuiz = await tina.GetAsync($"/api/v1/courses/{Course}/quizzes/pre-course/attempts/{attemptId}/grades");
        var tooMany = await tina.PutJsonAsync($"{AttemptsPath}/{attemptId}/grades/essay", new { points = 4.5 }, HttpStatusCode.BadRequest);
        var negative = await tina.PutJsonAsync($"{AttemptsPath}/{attemptId}/grades/essay", new { points = -1 }, HttpStatusCode.BadRequest);
        var automatic = await tina.PutJsonAsync($"{AttemptsPath}/{attemptId}/grades/stage", new { points = 1 }, HttpStatusCode.Conflict);
        var notSubmitted = await tina.PutJsonAsync($"{AttemptsPath}/{open.GetProperty("id").GetString()}/grades/essay", new { points = 1 }, HttpStatusCode.Conflict);

        Assert.Multiple(() =>
        {
            Assert.That((forgedAttempt.StatusCode, forgedQuestion.StatusCode, otherQuiz.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
            Assert.That(tooMany.GetProperty("errors").GetProperty("points")[0].GetString(), Is.EqualTo("Give between 0 and 4 points (at most 4 decimals)."));
            Assert.That(negative.GetProperty("errors").GetProperty("points")[0].GetString(), Does.StartWith("Give between 0 and 4 points"));
            Assert.That(automatic.GetProperty("detail").GetString(), Does.Contain("graded automatically"));
            Assert.That(notSubmitted.GetProperty("detail").GetString(), Does.Contain("has not been submitted yet"));
        });
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_manual_grade WHERE attempt_id = @attemptId", new { attemptId }), Is.Zero, "a refused grade was stored");
        ana.Client.Dispose();
    }

    [Test]
    public async Task ATutorGradesThroughThePages_WithoutJavaScript()
    {
        var (ana, attempt) = await SubmittedAsync("ana6@example.org", "Ana Six", _now, "Care work.");
        ana.Client.Dispose();
        var attemptId = attempt.GetProperty("id").GetString()!;
        using var browser = await _site.BrowserClientAsync("tina@example.org");
        var quizPage = await browser.GetStringAsync($"/courses/{Course}/quizzes/{Quiz}");
        var listPage = await browser.GetStringAsync($"/courses/{Course}/quizzes/{Quiz}/grading");
        var attemptPage = $"/courses/{Course}/quizzes/{Quiz}/grading/{attemptId}";
        Assert.That(quizPage, Does.Contain($"href=\"/courses/{Course}/quizzes/{Quiz}/grading\""), "the quiz page does not link tutors to grading");
        Assert.That(listPage, Does.Contain("Ana Six").And.Contain("Needs grading").And.Contain(attemptPage));

        var forged = await browser.PostAsync($"{attemptPage}/essay", new FormUrlEncodedContent(new Dictionary<string, string> { ["points"] = "1" }));
        var outOfRange = await TestSite.PostFormAsync(browser, $"{attemptPage}/essay", new() { ["points"] = "9" }, attemptPage);
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(outOfRange.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await outOfRange.Content.ReadAsStringAsync(), Does.Contain("Give between 0 and 4 points"));
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_manual_grade WHERE attempt_id = @attemptId", new { attemptId }), Is.Zero);

        var saved = await TestSite.PostFormAsync(browser, $"{attemptPage}/essay", new() { ["points"] = "2,5", ["feedback"] = "Good start." }, attemptPage);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var after = await browser.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.That(after, Does.Contain("The grade is saved.").And.Contain("Score: 3.5 of 5 points (70 %), passed").And.Contain("Graded 2.5 by Tina Tutor"));
    }

    [Test]
    public async Task AnAnonymousSurvey_IsNeverListedWithAName()
    {
        var root = Directory.CreateTempSubdirectory("ecampus-test-").FullName;
        var folder = SamplePacks.CopyInto(Path.Combine(root, "packs"), SamplePacks.Webinar);
        var pack = Path.Combine(folder, "pack.yml");
        await File.WriteAllTextAsync(pack, (await File.ReadAllTextAsync(pack)).Replace("  closes: 2026-05-19", "  closes: 2099-05-19", StringComparison.Ordinal));
        await using var site = await TestSite.StartAsync(null, root);
        await site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        await site.CreateAccountAsync("zoe@example.org", "Zoe Respondent");
        using var zoe = await site.ApiClientAsync("zoe@example.org");
        await zoe.PostJsonAsync($"/api/v1/courses/{SamplePacks.Webinar}/enrolment", new { }, HttpStatusCode.Created);
        var attempt = await zoe.StartAsync(SamplePacks.Webinar, "satisfaction-survey");
        var freeText = attempt.GetProperty("questions").EnumerateArray().Last().GetProperty("id").GetString()!;
        (await zoe.SaveAsync(attempt, freeText, new { type = "text", text = "More on green jobs please" })).EnsureSuccessStatusCode();
        using var admin = await site.ApiClientAsync("admin@example.org");
        using var adminBrowser = await site.BrowserClientAsync("admin@example.org");
        var attempts = $"/api/v1/courses/{SamplePacks.Webinar}/quizzes/satisfaction-survey/attempts";

        var whileOpen = await admin.GetAsync($"{attempts}/{attempt.GetProperty("id").GetString()}/grades");
        await zoe.SubmitAsync(attempt);
        var listed = await admin.GetStringAsync(attempts);
        var afterSubmit = await admin.GetAsync($"{attempts}/{attempt.GetProperty("id").GetString()}/grades");
        var page = await adminBrowser.GetStringAsync($"/courses/{SamplePacks.Webinar}/quizzes/satisfaction-survey/grading");
        var results = await adminBrowser.GetStringAsync($"/courses/{SamplePacks.Webinar}/quizzes/satisfaction-survey/results");

        Assert.Multiple(() =>
        {
            Assert.That(whileOpen.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "an open anonymous survey's answers were shown with the attempt");
            Assert.That(afterSubmit.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(JsonDocument.Parse(listed).RootElement.GetProperty("anonymous").GetBoolean(), Is.True);
            Assert.That(listed + page, Does.Not.Contain("Zoe").And.Not.Contain("green jobs"), "an anonymous survey was listed with a name or an answer");
            Assert.That(page, Does.Contain("This survey is anonymous"));
            Assert.That(results, Does.Contain("<em>Free text.</em>").And.Contain("More on green jobs please"), "the survey results do not render the question's Markdown");
        });
    }

    [Test]
    public async Task TheTutorsGainPage_NamesTheirCohortsLearners_AndTheCsvKeepsNamesFromRunningAsFormulas()
    {
        using var gina = await QuizApi.LearnerInCohortAsync(_site, "gina@example.org", "=HYPERLINK(\"http://x\") Gina", _now);
        using var lars = await QuizApi.LearnerInCohortAsync(_site, "lars@example.org", "Lars Later", _later);
        await gina.TakeAsync(_site, Course, "pre-course", rightCount: 2);
        await lars.TakeAsync(_site, Course, "pre-course", rightCount: 4);
        using var tina = await _site.BrowserClientAsync("tina@example.org");

        var page = WebUtility.HtmlDecode(await tina.GetStringAsync($"/courses/{Course}/assessment-gain"));
        var csv = await tina.GetStringAsync($"/courses/{Course}/assessment-gain.csv");
        var own = await gina.GetStringAsync($"/api/v1/courses/{Course}/assessment-gain");

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("=HYPERLINK(\"http://x\") Gina").And.Not.Contain("Lars Later"), "the tutor's page does not name exactly their cohort's learners");
            Assert.That(csv, Does.Contain(",\"'=HYPERLINK(\"\"http://x\"\") Gina\",").And.Not.Contain(",\"=HYPERLINK").And.Not.Contain("Lars"));
            Assert.That(own, Does.Not.Contain("Gina"), "a learner's own report carries a name");
        });
    }

    private string AttemptsPath => QuizApi.Attempts(Course, Quiz);

    private async Task<long> CompletedAsync(long accountId) => await QuizApi.CountAsync(_site,
        "SELECT count(*) FROM activity_completion WHERE account_id = @accountId AND activity_id = @Quiz", new { accountId, Quiz });

    /// <summary>A new learner of the cohort who answers the choice question right, writes the essay and submits.</summary>
    private async Task<(Learner Learner, JsonElement Attempt)> SubmittedAsync(string email, string name, long cohort, string essay)
    {
        var client = await QuizApi.LearnerInCohortAsync(_site, email, name, cohort);
        var attempt = await client.StartAsync(Course, Quiz);
        (await client.SaveAsync(attempt, "stage", new { type = "choice", optionIds = new[] { "a" } })).EnsureSuccessStatusCode();
        (await client.SaveAsync(attempt, "essay", new { type = "text", text = essay })).EnsureSuccessStatusCode();
        var submitted = await client.SubmitAsync(attempt);
        var accountId = await QuizApi.CountAsync(_site, "SELECT id FROM account WHERE email = @email", new { email });
        return (new Learner(client, email, accountId), submitted);
    }

    private sealed record Learner(HttpClient Client, string Email, long AccountId);
}
