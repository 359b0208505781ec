using ECampus.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ECampus.EndToEnd;

/// <summary>Learner pages work in a browser with JavaScript turned off (old phones, data savers, strict settings).</summary>
public sealed class NoJavaScriptTests : BrowserTest
{
    [Test]
    public async Task WithoutJavaScript_LearnerRegistersSignsInAndOut_SeesMyLearning()
    {
        var site = await StartSetUpSiteAsync();
        var learner = await NewPersonAsync(site, javaScript: false);
        var scripts = new List<string>();
        learner.Request += (_, request) =>
        {
            if (request.ResourceType == "script")
            {
                scripts.Add(request.Url);
            }
        };

        await learner.GotoAsync("/");
        await learner.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await learner.GetByLabel("Your name").FillAsync("Nadia No-Script");
        await learner.GetByLabel("Email").FillAsync("nadia@example.org");
        await learner.GetByLabel("Password").FillAsync(TestSite.StrongPassword);
        await learner.GetByLabel("Organisation type").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await learner.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();

        // Approval is off on a new site: the account is ready at once.
        await Expect(learner).ToHaveURLAsync(new Uri(site.BaseAddress, "/account/login?done=registered").ToString());
        await Expect(learner.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your account is ready. Sign in to start.");

        await learner.GetByLabel("Email").FillAsync("nadia@example.org");
        await learner.GetByLabel("Password").FillAsync(TestSite.StrongPassword);
        await learner.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(learner).ToHaveURLAsync(site.BaseAddress.ToString());
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "My learning", Level = 1 })).ToBeVisibleAsync();
        await Expect(learner.GetByRole(AriaRole.Link, new() { Name = "Nadia No-Script" })).ToBeVisibleAsync();

        await learner.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "My learning" })).ToHaveCountAsync(0);
        await Expect(learner.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        Assert.That(scripts, Is.Empty, "These pages need no script at all, so none should be downloaded.");
    }

    [Test]
    public async Task WithoutJavaScript_AdminTurnsOnApprovalAndApproves_LearnerCanSignIn()
    {
        var site = await StartSetUpSiteAsync(Accounts.AdminEmail);
        var admin = await NewPersonAsync(site, javaScript: false);
        await SignInAsync(admin, Accounts.AdminEmail);
        await admin.GotoAsync("/admin/settings");
        await admin.GetByLabel("New accounts need approval").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Settings saved.");

        var learner = await NewPersonAsync(site, javaScript: false);
        await learner.GotoAsync("/account/register");
        await learner.GetByLabel("Your name").FillAsync("Paul Pending");
        await learner.GetByLabel("Email").FillAsync("paul@example.org");
        await learner.GetByLabel("Password").FillAsync(TestSite.StrongPassword);
        await learner.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Status)).ToContainTextAsync("An administrator will review your account");

        await admin.GotoAsync("/admin/accounts?status=pending");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Approve Paul Pending" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("The account is active.");

        await SignInAsync(learner, "paul@example.org");
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "My learning", Level = 1 })).ToBeVisibleAsync();
    }

    [Test]
    public async Task WithoutJavaScript_LearnerFindsCourseEnrolsGoesThroughAModuleAndLeaves()
    {
        var site = await StartSetUpSiteAsync(packs: [SamplePacks.SelfPaced, SamplePacks.Webinar]);
        await site.CreateAccountAsync("nadia@example.org", "Nadia No-Script");
        var learner = await NewPersonAsync(site, javaScript: false);
        var scripts = new List<string>();
        learner.Request += (_, request) =>
        {
            if (request.ResourceType == "script")
            {
                scripts.Add(request.Url);
            }
        };

        // A visitor finds the course and previews its first module; the rest needs signing in.
        await learner.GotoAsync("/courses");
        await learner.GetByLabel("Search").FillAsync("supervis");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Find courses" }).ClickAsync();
        await learner.GetByRole(AriaRole.Link, new() { Name = "Introduction to international labour standards" }).ClickAsync();
        await learner.GetByRole(AriaRole.Link, new() { Name = "Preview the first module" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "What are international labour standards?", Level = 1 })).ToBeVisibleAsync();
        await Expect(learner.GetByRole(AriaRole.Button, new() { Name = "Mark as done" })).ToHaveCountAsync(0);
        await learner.GetByRole(AriaRole.Link, new() { Name = "Enrol to continue" }).ClickAsync();
        await learner.GetByRole(AriaRole.Link, new() { Name = "Sign in to join" }).ClickAsync();
        await learner.GetByLabel("Email").FillAsync("nadia@example.org");
        await learner.GetByLabel("Password").FillAsync(TestSite.StrongPassword);
        await learner.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        // Signing in comes back to the course page, where the learner enrols and reads the first module; once its
        // quizzes are taken through their plain forms, the learner goes on to the second.
        await Expect(learner).ToHaveURLAsync(new Uri(site.BaseAddress, "/courses/intro-labour-standards").ToString());
        await learner.GetByRole(AriaRole.Button, new() { Name = "Enrol", Exact = true }).ClickAsync();
        await learner.GetByRole(AriaRole.Link, new() { Name = "Start: What are international labour standards?" }).ClickAsync();
        await Expect(learner.GetByText("This module is done when its activities are complete.")).ToBeVisibleAsync();
        await QuizTaking.TakeAsync(learner, SamplePacks.SelfPaced, "baseline", "(100 %).");
        await QuizTaking.TakeAsync(learner, SamplePacks.SelfPaced, "check-1", "Your score: 3 of 3 points (100 %). You passed.");
        await learner.GotoAsync($"/courses/{SamplePacks.SelfPaced}/modules/what-are-labour-standards");
        await learner.GetByRole(AriaRole.Link, new() { Name = "Next: Fundamental principles and rights at work" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "Fundamental principles and rights at work", Level = 1 })).ToBeVisibleAsync();
        await learner.GotoAsync("/");
        await Expect(learner.GetByText("25 % done")).ToBeVisibleAsync();

        // Leaving is one clear button on the course page.
        await learner.GotoAsync("/courses/intro-labour-standards");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Leave this course" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Status)).ToContainTextAsync("You have left the course.");
        await Expect(learner.GetByRole(AriaRole.Button, new() { Name = "Enrol", Exact = true })).ToBeVisibleAsync();

        Assert.That(scripts, Is.Empty, "These pages need no script at all, so none should be downloaded.");
    }
}
