using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ECampus.EndToEnd;

/// <summary>
/// The site's Content-Security-Policy forbids inline script and style; a page that relies on either is broken in the
/// browser (the style is dropped) even though its HTML looks right. The browser reports each refusal on the console.
/// </summary>
public sealed class ContentSecurityPolicyTests : SharedSiteTest
{
    [TestCase("/setup", null)]
    [TestCase("/account/login", null)]
    [TestCase("/account/register", null)]
    [TestCase("/", Accounts.LearnerEmail)]
    [TestCase("/admin", Accounts.AdminEmail)]
    [TestCase("/admin/accounts", Accounts.AdminEmail)]
    [TestCase("/admin/settings", Accounts.AdminEmail)]
    [TestCase("/courses", null)]
    [TestCase("/courses?q=labour&format=self-paced", null)]
    [TestCase("/courses/intro-labour-standards", null)]
    [TestCase("/courses/intro-labour-standards/modules/what-are-labour-standards", null)]
    [TestCase("/courses/intro-labour-standards/home", Accounts.LearnerEmail)]
    [TestCase("/courses/intro-labour-standards/modules/fundamental-principles", Accounts.LearnerEmail)]
    [TestCase("/courses/evidence-based-policy/goals", Accounts.GoalsLearnerEmail)]
    [TestCase("/courses/intro-labour-standards/quizzes/check-2", Accounts.LearnerEmail)]
    [TestCase("/courses/intro-labour-standards/quizzes/check-2/attempt", Accounts.LearnerEmail)]
    [TestCase("/courses/intro-labour-standards/quizzes/baseline/attempt", Accounts.LearnerEmail)]
    [TestCase("/courses/intro-labour-standards/assessment-gain", Accounts.LearnerEmail)]
    [TestCase("/courses/evidence-based-policy/assessment-gain", Accounts.TutorEmail)]
    [TestCase("/courses/webinar-skills-green-jobs/quizzes/satisfaction-survey/results", Accounts.AdminEmail)]
    [TestCase("/tutor", Accounts.TutorEmail)]
    [TestCase("/tutor/evidence-based-policy", Accounts.TutorEmail)]
    [TestCase("/admin/courses", Accounts.AdminEmail)]
    [TestCase("/admin/courses/evidence-based-policy", Accounts.AdminEmail)]
    // The module with a figure from the pack's assets: the image must load under the policy.
    [TestCase("/courses/intro-labour-standards/modules/how-standards-are-supervised", Accounts.AdminEmail)]
    // Forum pages run the live script: it connects to the hub and keeps the connection open.
    [TestCase("/courses/evidence-based-policy/forums", Accounts.GoalsLearnerEmail)]
    [TestCase("/forums/{discussion}", Accounts.GoalsLearnerEmail)]
    [TestCase("/forums/threads/{thread}", Accounts.GoalsLearnerEmail)]
    [TestCase("/forums/threads/{thread}", Accounts.TutorEmail)]
    [TestCase("/forums/moderation", Accounts.TutorEmail)]
    [TestCase("/forums/notifications", Accounts.GoalsLearnerEmail)]
    [TestCase("/communities", Accounts.LearnerEmail)]
    [TestCase("/communities/{community}", Accounts.TutorEmail)]
    [TestCase("/forums/{community-forum}", Accounts.LearnerEmail)]
    public async Task Page_ShowsNoBrowserErrors(string path, string? signedInAs)
    {
        path = await SampleCourses.ForumPathAsync(Site, path);
        // Only a site without an administrator shows the setup page.
        var site = path == "/setup" ? await StartSiteAsync() : Site;
        var page = await NewPersonAsync(site);
        if (signedInAs is not null)
        {
            await SignInAsync(page, signedInAs);
        }

        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, answer) =>
        {
            if (answer.Status >= 400)
            {
                errors.Add($"{answer.Status} for {answer.Url}");
            }
        };

        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.That(response?.Status, Is.EqualTo(200), $"{path} answered {response?.Status}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        if (await page.Locator("#thread-live, #forum-live").CountAsync() > 0)
        {
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-forum-live", "connected");
        }

        var report = errors.GroupBy(error => error).Select(group => $"- {group.Count()} × {group.Key}");
        Assert.That(errors, Is.Empty, $"The browser reported problems on {path}:{Environment.NewLine}{string.Join(Environment.NewLine, report)}");
    }
}
