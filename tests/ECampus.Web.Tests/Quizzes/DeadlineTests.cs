using System.Net;
using ECampus.Testing;
using ECampus.Web.Tests.Courses;

namespace ECampus.Web.Tests.Quizzes;

/// <summary>Time limits, open and close dates and the grace after them, on a clock the test moves.</summary>
public sealed class DeadlineTests
{
    private const string Course = QuizApi.SelfPaced;
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private ManualClock _clock = null!;
    private TestSite _site = null!;

    [SetUp]
    public void SetClock() => _clock = new ManualClock(Monday);

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    private async Task StartAsync(string frontMatter, string sweep = "00:10:00") =>
        _site = await QuizApi.StartSiteAsync(_clock, settings =>
        {
            settings["ECampus:Plugins:quizzes:Grace"] = "00:00:30";
            settings["ECampus:Plugins:quizzes:SweepInterval"] = sweep;
        }, Course, ("assessments/check-1.md", "pass-mark: 60\n", "pass-mark: 60\n" + frontMatter));

    [Test]
    public async Task AnswersAfterTheTimeLimitAndGrace_AreRefused_AndTheAttemptIsGradedWithWhatWasSavedInTime()
    {
        await StartAsync("time-limit: 10m\n");
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");
        var attempt = await ana.StartAsync(Course, "check-1");
        var key = (await QuizApi.KeyAsync(_site, attempt)).ToList();
        Assert.That(attempt.GetProperty("deadline").GetDateTimeOffset(), Is.EqualTo(Monday.AddMinutes(10)));

        _clock.Advance(TimeSpan.FromMinutes(9));
        var inTime = await ana.SaveAsync(attempt, key[0].Key, new { type = "choice", optionIds = key[0].Value });
        _clock.Advance(TimeSpan.FromSeconds(80));
        var inGrace = await ana.SaveAsync(attempt, key[1].Key, new { type = "choice", optionIds = key[1].Value });
        _clock.Advance(TimeSpan.FromSeconds(11));
        var late = await ana.SaveAsync(attempt, key[2].Key, new { type = "choice", optionIds = key[2].Value });

        Assert.That((inTime.StatusCode, inGrace.StatusCode, late.StatusCode), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.Conflict)));
        Assert.That(await late.Content.ReadAsStringAsync(), Does.Contain("Time is up: this attempt closed at 2 March 2026, 09:10 UTC."));
        var closed = await ana.GetJsonAsync(QuizApi.AttemptPath(attempt));
        Assert.That(closed.GetProperty("status").GetString(), Is.EqualTo("expired"));
        Assert.That(closed.GetProperty("review").GetProperty("score").GetDecimal(), Is.EqualTo(2m), "the attempt was not graded with the two answers saved in time");
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_answer"), Is.EqualTo(2));
        await ana.SubmitAsync(attempt);
        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_attempt WHERE status = 'expired' AND score = 2"), Is.EqualTo(1));
    }

    [Test]
    public async Task ACloseDate_EndsAnOpenAttemptOnNextAccess_AndNoNewAttemptStarts()
    {
        await StartAsync("closes: 2026-03-02T12:00:00Z\n");
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");
        _clock.Set(Monday.AddHours(2).AddMinutes(55));
        var attempt = await ana.StartAsync(Course, "check-1");
        var key = (await QuizApi.KeyAsync(_site, attempt)).ToList();
        (await ana.SaveAsync(attempt, key[0].Key, new { type = "choice", optionIds = key[0].Value })).EnsureSuccessStatusCode();

        _clock.Set(new DateTimeOffset(2026, 3, 2, 12, 0, 31, TimeSpan.Zero));
        var closed = await ana.GetJsonAsync(QuizApi.AttemptPath(attempt));
        var again = await ana.StartAsync(Course, "check-1", HttpStatusCode.Conflict);

        Assert.That(attempt.GetProperty("deadline").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero)));
        Assert.That(closed.GetProperty("status").GetString(), Is.EqualTo("expired"));
        Assert.That(closed.GetProperty("review").GetProperty("score").GetDecimal(), Is.EqualTo(1m));
        Assert.That(again.GetProperty("detail").GetString(), Is.EqualTo("This quiz closed on 2 March 2026, 12:00 UTC."));
    }

    [Test]
    public async Task ACloseDateAhead_ShowsOnTheDashboard_UntilTheQuizIsDone()
    {
        await StartAsync("closes: 2026-03-09T12:00:00Z\n");
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");

        var before = await ana.GetJsonAsync("/api/v1/me/dashboard");
        await ana.TakeAsync(_site, Course, "check-1");
        var after = await ana.GetJsonAsync("/api/v1/me/dashboard");

        var item = before.GetProperty("upcoming").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "deadline");
        Assert.That((item.GetProperty("title").GetString(), item.GetProperty("at").GetDateTimeOffset(), item.GetProperty("url").GetString()),
            Is.EqualTo(("Check: what are international labour standards? closes", new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero), $"/courses/{Course}/quizzes/check-1")));
        Assert.That(after.GetProperty("upcoming").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "deadline"), Is.Empty, "a passed quiz still showed its deadline");
    }

    [Test]
    public async Task AQuizNotYetOpen_CannotBeStarted()
    {
        await StartAsync("opens: 2026-03-02T10:00:00Z\n");
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");

        var early = await ana.StartAsync(Course, "check-1", HttpStatusCode.Conflict);
        _clock.Advance(TimeSpan.FromHours(1));
        await ana.StartAsync(Course, "check-1", HttpStatusCode.Created);

        Assert.That(early.GetProperty("detail").GetString(), Is.EqualTo("This quiz opens on 2 March 2026, 10:00 UTC."));
    }

    [Test]
    public async Task TheSweep_ClosesAndGradesAttemptsNobodyCameBackTo()
    {
        await StartAsync("time-limit: 10m\n", sweep: "00:00:00.200");
        using var ana = await QuizApi.LearnerAsync(_site, "ana@example.org");
        var attempt = await ana.StartAsync(Course, "check-1");
        var key = (await QuizApi.KeyAsync(_site, attempt)).ToList();
        (await ana.SaveAsync(attempt, key[0].Key, new { type = "choice", optionIds = key[0].Value })).EnsureSuccessStatusCode();

        _clock.Advance(TimeSpan.FromMinutes(11));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_attempt WHERE status = 'expired'") == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Assert.That(await QuizApi.CountAsync(_site, "SELECT count(*) FROM quizzes_attempt WHERE status = 'expired' AND score = 1 AND submitted_at IS NOT NULL"), Is.EqualTo(1),
            "the sweep did not close the abandoned attempt with its saved answer");
    }
}
