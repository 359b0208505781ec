using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ECampus.EndToEnd;

/// <summary>
/// Pages fit a phone (375 px wide): nothing makes the whole page scroll sideways (a wide table may scroll inside its own
/// box). A full-page screenshot of each goes into the test results for a person to look at.
/// </summary>
public sealed class PhoneLayoutTests : SharedSiteTest
{
    private const int PhoneWidth = 375;

    [TestCase("/account/login", null)]
    [TestCase("/account/register", null)]
    [TestCase("/", Accounts.LearnerEmail)]
    [TestCase("/admin", Accounts.AdminEmail)]
    [TestCase("/admin/accounts", Accounts.AdminEmail)]
    [TestCase("/admin/settings", Accounts.AdminEmail)]
    [TestCase("/courses", null)]
    [TestCase("/courses/evidence-based-policy", null)]
    [TestCase("/courses/intro-labour-standards/modules/what-are-labour-standards", null)]
    [TestCase("/courses/intro-labour-standards/home", Accounts.LearnerEmail)]
    [TestCase("/courses/evidence-based-policy/goals", Accounts.GoalsLearnerEmail)]
    [TestCase("/courses/intro-labour-standards/quizzes/check-2", Accounts.LearnerEmail)]
    [TestCase("/courses/intro-labour-standards/quizzes/check-2/attempt", Accounts.LearnerEmail)]
    [TestCase("/courses/intro-labour-standards/quizzes/baseline/attempt", Accounts.LearnerEmail)]
    [TestCase("/courses/intro-labour-standards/assessment-gain", Accounts.LearnerEmail)]
    [TestCase("/courses/evidence-based-policy/assessment-gain", Accounts.TutorEmail)]
    [TestCase("/courses/webinar-skills-green-jobs/quizzes/satisfaction-survey/results", Accounts.AdminEmail)]
    [TestCase("/tutor", Accounts.TutorEmail)]
    [TestCase("/tutor/evidence-based-policy", Accounts.TutorEmail)]
    [TestCase("/admin/courses/evidence-based-policy", Accounts.AdminEmail)]
    // A module with a wide table and a figure.
    [TestCase("/courses/evidence-based-policy/modules/framing-policy-questions", Accounts.AdminEmail)]
    [TestCase("/courses/intro-labour-standards/modules/how-standards-are-supervised", Accounts.AdminEmail)]
    [TestCase("/courses/evidence-based-policy/forums", Accounts.GoalsLearnerEmail)]
    [TestCase("/forums/{discussion}", Accounts.GoalsLearnerEmail)]
    [TestCase("/forums/threads/{thread}", Accounts.GoalsLearnerEmail)]
    [TestCase("/forums/threads/{thread}", Accounts.TutorEmail)]
    [TestCase("/forums/moderation", Accounts.TutorEmail)]
    [TestCase("/forums/notifications", Accounts.GoalsLearnerEmail)]
    [TestCase("/communities", Accounts.AdminEmail)]
    [TestCase("/communities/{community}", Accounts.TutorEmail)]
    [TestCase("/forums/{community-forum}", Accounts.LearnerEmail)]
    public async Task PageAtPhoneWidth_DoesNotScrollSideways(string path, string? signedInAs)
    {
        var placeholder = path;
        path = await SampleCourses.ForumPathAsync(Site, path);
        var page = await NewPersonAsync(Site, width: PhoneWidth, height: 812);
        if (signedInAs is not null)
        {
            await SignInAsync(page, signedInAs);
        }

        var response = await page.GotoAsync(path);
        Assert.That(response?.Status, Is.EqualTo(200), $"{path} answered {response?.Status}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        if (placeholder.Contains("/threads/", StringComparison.Ordinal))
        {
            // The boxes (edit, report, history, moderation forms) open, as someone using them sees the page.
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        }

        var file = ScreenshotPath($"phone-{(path == "/" ? "home" : placeholder)}-{signedInAs}");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, $"{path} at {PhoneWidth} px");

        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var tooWide = await page.EvaluateAsync<string[]>(
            """
            width => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-wrap'))
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className : ''))
            """, PhoneWidth);
        Assert.That(pageWidth, Is.LessThanOrEqualTo(PhoneWidth),
            $"{path} is {pageWidth} px wide on a {PhoneWidth} px phone; too wide: {string.Join(", ", tooWide.Take(10))}");
    }
}
