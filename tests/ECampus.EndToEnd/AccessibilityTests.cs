using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ECampus.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ECampus.EndToEnd;

/// <summary>axe-core finds no violations on the pages of the foundation, in the states people meet them in.</summary>
public sealed class AccessibilityTests : SharedSiteTest
{
    [Test]
    public async Task SetupPage_OnFreshSite_HasNoAxeViolations()
    {
        var site = await StartSiteAsync();
        var page = await NewPersonAsync(site);
        await page.GotoAsync("/setup");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up ECampus" })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);
    }

    [TestCase("/", "Learn at your own pace, or with a tutor and a cohort")]
    [TestCase("/account/login", "Sign in")]
    [TestCase("/account/login?done=pending", "Sign in")]
    [TestCase("/account/register", "Create an account")]
    [TestCase("/account/forgot-password", "Reset your password")]
    [TestCase("/courses", "Courses")]
    [TestCase("/courses?q=labour&format=self-paced&language=fr&maxEffortHours=3", "Courses")]
    [TestCase("/courses?q=nothing-like-this", "Courses")]
    [TestCase("/courses/intro-labour-standards", SampleCourses.SelfPacedTitle)]
    [TestCase("/courses/evidence-based-policy", SampleCourses.TutorSupportedTitle)]
    [TestCase("/courses/webinar-skills-green-jobs", "Webinar: skills for a just transition to green jobs")]
    public async Task PublicPage_HasNoAxeViolations(string path, string? heading)
    {
        var page = await NewPersonAsync(Site);
        await GotoAsync(page, path, heading);
        await AssertNoViolationsAsync(page);
    }

    /// <remarks>
    /// The sample pack's first table leaves its top-left header cell empty (<c>| | Convention | Recommendation |</c>), which
    /// axe flags as a minor problem of the pack's text, not of the page; every other rule applies.
    /// </remarks>
    [TestCase("/courses/intro-labour-standards/modules/what-are-labour-standards", "What are international labour standards?")]
    [TestCase("/courses/intro-labour-standards/modules/what-are-labour-standards?lang=fr", "Que sont les normes internationales du travail ?")]
    public async Task PreviewModule_ForVisitor_HasNoAxeViolations(string path, string heading)
    {
        var page = await NewPersonAsync(Site);
        await GotoAsync(page, path, heading);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Enrol to continue" })).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);
    }

    [Test]
    public async Task LoginPage_AfterWrongPassword_HasNoAxeViolations()
    {
        var page = await NewPersonAsync(Site);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync("nobody@example.org");
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);
    }

    [Test]
    public async Task RegisterPage_WithTakenEmail_HasNoAxeViolations()
    {
        var page = await NewPersonAsync(Site);
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Your name").FillAsync("Somebody Else");
        await page.GetByLabel("Email").FillAsync(Accounts.AdminEmail);
        await page.GetByLabel("Password").FillAsync(TestSite.StrongPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);
    }

    [Test]
    public async Task HomePage_SignedInLearner_HasNoAxeViolations()
    {
        var page = await NewPersonAsync(Site);
        await SignInAsync(page, Accounts.LearnerEmail);
        await GotoAsync(page, "/", "My learning");
        await AssertNoViolationsAsync(page);
    }

    [TestCase("/admin", "Administration")]
    [TestCase("/admin/accounts", "Accounts")]
    [TestCase("/admin/accounts?status=pending", "Accounts")]
    [TestCase("/admin/settings", "Site settings")]
    [TestCase("/admin/courses", "Courses")]
    public async Task AdminPage_HasNoAxeViolations(string path, string heading)
    {
        var page = await NewPersonAsync(Site);
        await SignInAsync(page, Accounts.AdminEmail);
        await GotoAsync(page, path, heading);
        await AssertNoViolationsAsync(page);
    }

    [TestCase("/courses/intro-labour-standards", Accounts.LearnerEmail, SampleCourses.SelfPacedTitle)]
    [TestCase("/courses/evidence-based-policy", Accounts.LearnerEmail, SampleCourses.TutorSupportedTitle)]
    [TestCase("/courses/intro-labour-standards/home", Accounts.LearnerEmail, SampleCourses.SelfPacedTitle)]
    [TestCase("/courses/intro-labour-standards/modules/fundamental-principles", Accounts.LearnerEmail, "Fundamental principles and rights at work")]
    [TestCase("/", Accounts.GoalsLearnerEmail, "My learning")]
    [TestCase("/courses/evidence-based-policy/home", Accounts.GoalsLearnerEmail, SampleCourses.TutorSupportedTitle)]
    [TestCase("/courses/evidence-based-policy/goals", Accounts.GoalsLearnerEmail, "Your learning goals")]
    [TestCase("/courses/evidence-based-policy/modules/why-evidence", Accounts.GoalsLearnerEmail, "Week 1 · Why evidence matters for decent work")]
    [TestCase("/", Accounts.TutorEmail, "My learning")]
    [TestCase("/tutor", Accounts.TutorEmail, "Tutoring")]
    [TestCase("/tutor/evidence-based-policy", Accounts.TutorEmail, SampleCourses.TutorSupportedTitle)]
    [TestCase("/courses/evidence-based-policy/home", Accounts.TutorEmail, SampleCourses.TutorSupportedTitle)]
    [TestCase("/admin/courses/evidence-based-policy", Accounts.AdminEmail, SampleCourses.TutorSupportedTitle)]
    [TestCase("/admin/courses/intro-labour-standards", Accounts.AdminEmail, SampleCourses.SelfPacedTitle)]
    [TestCase("/courses/intro-labour-standards/quizzes/check-2", Accounts.LearnerEmail, "Check: fundamental principles and rights at work")]
    [TestCase("/courses/intro-labour-standards/quizzes/check-2/attempt", Accounts.LearnerEmail, "Check: fundamental principles and rights at work")]
    [TestCase("/courses/intro-labour-standards/quizzes/baseline/attempt", Accounts.LearnerEmail, "Baseline quiz")]
    [TestCase("/courses/intro-labour-standards/assessment-gain", Accounts.LearnerEmail, "Knowledge gain")]
    [TestCase("/courses/evidence-based-policy/assessment-gain", Accounts.TutorEmail, "Knowledge gain")]
    [TestCase("/courses/webinar-skills-green-jobs/quizzes/satisfaction-survey/results", Accounts.AdminEmail, "Post-webinar satisfaction survey: results")]
    [TestCase("/courses/evidence-based-policy/modules/framing-policy-questions", Accounts.AdminEmail, "Week 2 · Framing a policy question")]
    public async Task CoursePage_SignedIn_HasNoAxeViolations(string path, string email, string heading)
    {
        var page = await NewPersonAsync(Site);
        await SignInAsync(page, email);
        await GotoAsync(page, path, heading);
        await AssertNoViolationsAsync(page);
    }

    [TestCase("/courses/evidence-based-policy/forums", Accounts.GoalsLearnerEmail, "Forums")]
    [TestCase("/courses/evidence-based-policy/forums?q=survey", Accounts.GoalsLearnerEmail, "Forums")]
    [TestCase("/courses/evidence-based-policy/forums", Accounts.TutorEmail, "Forums")]
    [TestCase("/forums/{discussion}", Accounts.GoalsLearnerEmail, "Discussion: Why evidence matters for decent work")]
    [TestCase("/forums/threads/{thread}", Accounts.GoalsLearnerEmail, SampleCourses.ForumThreadTitle)]
    [TestCase("/forums/threads/{thread}", Accounts.TutorEmail, SampleCourses.ForumThreadTitle)]
    [TestCase("/forums/moderation", Accounts.TutorEmail, "Moderation queue")]
    [TestCase("/forums/notifications", Accounts.GoalsLearnerEmail, "Forum notifications")]
    [TestCase("/communities", Accounts.LearnerEmail, "Communities of practice")]
    [TestCase("/communities", Accounts.AdminEmail, "Communities of practice")]
    [TestCase("/communities/{community}", Accounts.TutorEmail, SampleCourses.CommunityTitle)]
    [TestCase("/communities/{community}?q=visits", Accounts.LearnerEmail, SampleCourses.CommunityTitle)]
    [TestCase("/forums/{community-forum}", Accounts.LearnerEmail, SampleCourses.CommunityTitle)]
    public async Task ForumPage_SignedIn_HasNoAxeViolations(string path, string email, string heading)
    {
        var page = await NewPersonAsync(Site);
        await SignInAsync(page, email);
        await GotoAsync(page, await SampleCourses.ForumPathAsync(Site, path), heading);
        await AssertNoViolationsAsync(page);
    }

    /// <remarks>
    /// The edit forms and the edit history sit in closed boxes axe does not look into, and a post's report form shows
    /// only once its Report link is followed.
    /// </remarks>
    [TestCase(Accounts.GoalsLearnerEmail)]
    [TestCase(Accounts.TutorEmail)]
    public async Task ThreadPage_WithEveryBoxOpen_HasNoAxeViolations(string email)
    {
        var page = await NewPersonAsync(Site);
        await SignInAsync(page, email);
        await GotoAsync(page, await SampleCourses.ForumPathAsync(Site, "/forums/threads/{thread}"), SampleCourses.ForumThreadTitle);
        await page.GetByRole(AriaRole.Link, new() { Name = "Report", Exact = true }).First.ClickAsync();
        await Expect(page.GetByLabel("What is wrong with this post?")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        await AssertNoViolationsAsync(page);
    }

    [Test]
    public async Task LockedModule_ShowsWhyWithNoAxeViolations()
    {
        var page = await NewPersonAsync(Site);
        await SignInAsync(page, Accounts.LearnerEmail);
        var response = await page.GotoAsync("/courses/intro-labour-standards/modules/standards-at-work");
        Assert.That(response?.Status, Is.EqualTo(403), "a locked module is refused to its learner");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This module is not open yet", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Finish “How the ILO supervises standards” first.")).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page);
    }

    [Test]
    public async Task CoursePage_AfterWrongEnrolmentKey_HasNoAxeViolations()
    {
        var site = await StartSetUpSiteAsync(packs: [SamplePacks.SelfPaced]);
        await site.CreateAccountAsync("kim@example.org", "Kim Key");
        await SetKeyEnrolmentAsync(site);
        var page = await NewPersonAsync(site);
        await SignInAsync(page, "kim@example.org");
        await page.GotoAsync("/courses/intro-labour-standards");
        await page.GetByLabel("Enrolment key").FillAsync("not the key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That enrolment key is not right.");
        await AssertNoViolationsAsync(page);
    }

    private static async Task SetKeyEnrolmentAsync(TestSite site)
    {
        using var admin = await site.ApiClientAsync("admin@example.org");
        using var response = await admin.PutAsJsonAsync("/api/v1/admin/courses/intro-labour-standards/settings",
            new { listed = true, enrolmentMode = "key", enrolmentKey = "ILO-2026" });
        Assert.That(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task GotoAsync(IPage page, string path, string? heading)
    {
        var response = await page.GotoAsync(path);
        Assert.That(response?.Status, Is.EqualTo(200), $"{path} answered {response?.Status}");
        if (heading is not null)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        }
    }

    private static async Task AssertNoViolationsAsync(IPage page, AxeRunOptions? options = null)
    {
        var result = await page.RunAxe(options);
        var report = string.Join(Environment.NewLine, result.Violations.Select(violation =>
            $"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>" + Environment.NewLine
            + string.Join(Environment.NewLine, violation.Nodes.Select(node => $"    at {node.Target}: {node.Html}"))));
        Assert.That(result.Violations, Has.Length.Zero, $"axe-core found violations on {page.Url}:{Environment.NewLine}{report}");
    }
}
