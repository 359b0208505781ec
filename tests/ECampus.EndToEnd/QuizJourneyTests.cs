using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ECampus.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ECampus.EndToEnd;

/// <summary>
/// Assessments in a browser: a cohort learner takes the pre-course assessment, six weeks later the post-course one,
/// and sees their gain; their tutor sees the cohort's. Quiz pages work without script and stay light.
/// </summary>
public sealed class QuizJourneyTests : BrowserTest
{
    private const string Course = SamplePacks.TutorSupported;

    [Test]
    public async Task ALearnerTakesThePreAndPostCourseAssessments_AndSeesTheirGain_AndTheTutorSeesTheCohorts()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var site = await SamplePacks.StartSiteAsync(clock, null, Course);
        await site.CreateAccountAsync(Accounts.AdminEmail, "Ada Admin", TestSite.StrongPassword, "admin");
        var tutorId = await site.CreateAccountAsync(Accounts.TutorEmail, Accounts.TutorName);
        await site.CreateAccountAsync("pia@example.org", "Pia Policy");
        await SampleCourses.OpenTutorSupportedCohortAsync(site, Accounts.AdminEmail, tutorId);
        await JoinCohortAsync(site, "pia@example.org");

        // Week 1: the course home offers the pre-course assessment; Pia knows two answers of five.
        var pia = await NewPersonAsync(site);
        await SignInAsync(pia, "pia@example.org");
        await pia.GotoAsync($"/courses/{Course}/home");
        await pia.GetByRole(AriaRole.Link, new() { Name = "Take the pre-course assessment" }).ClickAsync();
        await Expect(pia.GetByRole(AriaRole.Heading, new() { Name = "Pre-course assessment", Level = 1 })).ToBeVisibleAsync();
        await pia.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        foreach (var answer in new[] { "Evaluation", "descriptive question", "The unemployment rate", "A statistical error in survey data", "in an annex" })
        {
            await pia.GetByLabel(answer, new() { Exact = true }).CheckAsync();
        }

        await pia.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await Expect(pia.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answers are saved.");
        await pia.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(pia.GetByRole(AriaRole.Status)).ToContainTextAsync("Your score: 2 of 5 points (40 %).");
        await Expect(pia.GetByText("Right answer")).ToHaveCountAsync(0);

        // Six weeks on, the weekly modules are done; the post-course assessment is the last step of week 6.
        clock.Advance(TimeSpan.FromDays(43));
        using (var api = await site.ApiClientAsync("pia@example.org"))
        {
            foreach (var module in new[] { "framing-policy-questions", "finding-and-judging-evidence", "labour-market-data", "impact-evaluation" })
            {
                using var done = await api.PostAsync($"/api/v1/courses/{Course}/modules/{module}/completion", null);
                Assert.That(done.IsSuccessStatusCode, $"{module}: {await done.Content.ReadAsStringAsync()}");
            }
        }

        pia = await NewPersonAsync(site);
        await SignInAsync(pia, "pia@example.org");
        await pia.GotoAsync($"/courses/{Course}/home");
        await pia.GetByRole(AriaRole.Link, new() { Name = "Take the post-course assessment" }).ClickAsync();
        await Expect(pia.GetByRole(AriaRole.Heading, new() { Name = "Post-course assessment", Level = 1 })).ToBeVisibleAsync();
        await pia.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        foreach (var answer in new[] { "Decision", "causal question", "It misses underemployed people and the potential labour force", "Regression discontinuity",
            "leads with the answer and states what the evidence does not show" })
        {
            await pia.GetByLabel(answer, new() { Exact = true }).CheckAsync();
        }

        await pia.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(pia.GetByRole(AriaRole.Status)).ToContainTextAsync("Your score: 5 of 5 points (100 %). You passed.");
        await pia.GotoAsync($"/courses/{Course}/quizzes/post-course");
        await pia.GetByRole(AriaRole.Link, new() { Name = "Your knowledge gain" }).ClickAsync();
        await Expect(pia.GetByRole(AriaRole.Heading, new() { Name = "Knowledge gain", Level = 1 })).ToBeVisibleAsync();
        await Expect(pia.GetByRole(AriaRole.Main)).ToContainTextAsync("+60 points");

        // The tutor sees the cohort: one learner with both scores, a chart and the table beside it.
        var tutor = await NewPersonAsync(site);
        var refused = new List<string>();
        tutor.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        await SignInAsync(tutor, Accounts.TutorEmail);
        await tutor.GotoAsync($"/courses/{Course}/assessment-gain");
        await Expect(tutor.GetByRole(AriaRole.Img, new() { Name = "Pre-course (grey) and post-course (dark) score of each learner, 0 to 100 %" })).ToBeVisibleAsync();
        var row = tutor.GetByRole(AriaRole.Row).Filter(new() { HasText = "40 %" });
        await Expect(row).ToContainTextAsync("100 %");
        await Expect(row).ToContainTextAsync("+60");
        await Expect(tutor.GetByRole(AriaRole.Link, new() { Name = "Download the scores (CSV)" })).ToBeVisibleAsync();
        Assert.That(refused, Is.Empty, "the chart needs something the site's CSP refuses");
    }

    [Test]
    public async Task AQuiz_IsTakenWithoutJavaScript_AndItsPagesStayUnderTheWeightBudget()
    {
        var site = await StartSetUpSiteAsync(packs: [SamplePacks.SelfPaced]);
        await site.CreateAccountAsync("nadia@example.org", "Nadia No-Script");
        using (var api = await site.ApiClientAsync("nadia@example.org"))
        {
            (await api.PostAsJsonAsync($"/api/v1/courses/{SamplePacks.SelfPaced}/enrolment", new { })).EnsureSuccessStatusCode();
        }

        var learner = await NewPersonAsync(site, javaScript: false);
        var scripts = new List<string>();
        learner.Request += (_, request) =>
        {
            if (request.ResourceType == "script")
            {
                scripts.Add(request.Url);
            }
        };
        await SignInAsync(learner, "nadia@example.org");

        var quizWeight = await FirstLoadBytesAsync(site, "nadia@example.org", $"/courses/{SamplePacks.SelfPaced}/quizzes/check-1");
        await learner.GotoAsync($"/courses/{SamplePacks.SelfPaced}/quizzes/check-1");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        var attemptWeight = await FirstLoadBytesAsync(site, "nadia@example.org", new Uri(learner.Url).PathAndQuery);
        await learner.GetByLabel("A Convention", new() { Exact = true }).CheckAsync();
        await learner.GetByLabel("Two thirds of the votes cast", new() { Exact = true }).CheckAsync();
        await learner.GetByLabel("One from each group", new() { Exact = true }).CheckAsync();
        await learner.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        await Expect(learner.GetByRole(AriaRole.Status)).ToContainTextAsync("Your score: 2 of 3 points (66.67 %). You passed.");
        await Expect(learner.GetByText("Right answer: Two government, one employer and one worker delegate")).ToBeVisibleAsync();
        Assert.That(scripts, Is.Empty, "quiz pages need no script");
        Assert.That(quizWeight, Is.LessThan(50 * 1024), "the quiz page's first load");
        Assert.That(attemptWeight, Is.LessThan(50 * 1024), "the attempt page's first load");
    }

    /// <summary>Everything a new browser (empty cache, signed-in cookies) fetches for a page, as transferred.</summary>
    private async Task<long> FirstLoadBytesAsync(TestSite site, string email, string path)
    {
        var signIn = await NewPersonAsync(site);
        await SignInAsync(signIn, email);
        var cookies = await signIn.Context.CookiesAsync();
        var page = await NewPersonAsync(site);
        await page.Context.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite, Expires = c.Expires,
        }));
        var finished = new List<IRequest>();
        page.RequestFinished += (_, request) => finished.Add(request);
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.That(response?.Status, Is.EqualTo(200), path);
        long total = 0;
        foreach (var request in finished)
        {
            var sizes = await request.SizesAsync();
            total += sizes.ResponseHeadersSize + sizes.ResponseBodySize;
        }

        TestContext.Out.WriteLine($"First load of {path}: {total:N0} bytes in {finished.Count} responses");
        return total;
    }

    private static async Task JoinCohortAsync(TestSite site, string email)
    {
        using var learner = await site.ApiClientAsync(email);
        using var tutor = await site.ApiClientAsync(Accounts.TutorEmail);
        (await learner.PostAsJsonAsync($"/api/v1/courses/{Course}/enrolment", new { })).EnsureSuccessStatusCode();
        var requests = await tutor.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{Course}/enrolments?status=requested");
        var id = requests.EnumerateArray().Single(e => e.GetProperty("email").GetString() == email).GetProperty("id").GetInt64();
        (await tutor.PostAsync($"/api/v1/courses/{Course}/enrolments/{id}/approve", null)).EnsureSuccessStatusCode();
        using var goals = await learner.PutAsJsonAsync($"/api/v1/courses/{Course}/goals", new { goals = new[] { "Measure what our youth programme changed" } });
        Assert.That(goals.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await goals.Content.ReadAsStringAsync());
    }
}
