using ECampus.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ECampus.EndToEnd;

/// <summary>The foundation's main journey, as two people at two browsers live it: an administrator sets up a fresh site
/// and reviews registrations; a learner registers, waits for approval, and then signs in.</summary>
public sealed class RegistrationJourneyTests : BrowserTest
{
    private const string AdminEmail = "ada@example.org";
    private const string LearnerEmail = "lena@example.org";
    private const string LearnerName = "Lena Learner";

    [Test]
    public async Task FreshSite_AdminSetsUpAndApprovesLearner_LearnerSignsInToMyLearning()
    {
        var site = await StartSiteAsync();
        var admin = await NewPersonAsync(site);

        // 1. The first visitor of a fresh site is led to the one-time setup page.
        await admin.GotoAsync("/");
        await Expect(admin).ToHaveURLAsync(new Uri(site.BaseAddress, "/setup").ToString());
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Set up ECampus", Level = 1 })).ToBeVisibleAsync();
        await admin.GetByLabel("Your name").FillAsync("Ada Admin");
        await admin.GetByLabel("Email").FillAsync(AdminEmail);
        await admin.GetByLabel("Password").FillAsync(TestSite.StrongPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the administrator" }).ClickAsync();

        // 2. The administrator is signed in and lands on the administration page.
        await Expect(admin).ToHaveURLAsync(new Uri(site.BaseAddress, "/admin").ToString());
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Administration", Level = 1 })).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        // 3. The setup page is one-time: now it sends people to sign in.
        var stranger = await NewPersonAsync(site);
        await stranger.GotoAsync("/setup");
        await Expect(stranger).ToHaveURLAsync(new Uri(site.BaseAddress, "/account/login").ToString());

        // 4. The administrator turns on "New accounts need approval"; the page confirms and keeps the box ticked.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Site settings" }).ClickAsync();
        var approval = admin.GetByLabel("New accounts need approval");
        await Expect(approval).Not.ToBeCheckedAsync();
        await approval.CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Settings saved.");
        await admin.GotoAsync("/admin/settings");
        await Expect(admin.GetByLabel("New accounts need approval")).ToBeCheckedAsync();

        // 5. In another browser, a learner registers and is told an administrator will review the account.
        var learner = await NewPersonAsync(site);
        await learner.GotoAsync("/");
        await learner.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "Create an account", Level = 1 })).ToBeVisibleAsync();
        await learner.GetByLabel("Your name").FillAsync(LearnerName);
        await learner.GetByLabel("Email").FillAsync(LearnerEmail);
        await learner.GetByLabel("Password").FillAsync(TestSite.StrongPassword);
        await learner.GetByLabel("Country").FillAsync("Kenya");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(learner).ToHaveURLAsync(new Uri(site.BaseAddress, "/account/login?done=pending").ToString());
        await Expect(learner.GetByRole(AriaRole.Status)).ToContainTextAsync(
            "Thank you for registering. An administrator will review your account");

        // 6. Signing in before approval is refused with a message that says why, and leaves the learner signed out.
        await learner.GetByLabel("Email").FillAsync(LearnerEmail);
        await learner.GetByLabel("Password").FillAsync(TestSite.StrongPassword);
        await learner.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your account is waiting for approval by an administrator");
        await Expect(learner.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await learner.GotoAsync("/");
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "My learning" })).ToHaveCountAsync(0);

        // 7. The administrator sees the learner among the accounts awaiting approval, and approves them.
        await admin.GotoAsync("/admin");
        await Expect(admin.GetByText("1 waiting")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Accounts awaiting approval" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Level = 1 })).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = LearnerEmail });
        await Expect(row).ToContainTextAsync(LearnerName);
        await Expect(row).ToContainTextAsync("pending");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Approve {LearnerName}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("The account is active.");
        await admin.GotoAsync("/admin/accounts?status=pending");
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = LearnerEmail })).ToHaveCountAsync(0);
        await admin.GotoAsync("/admin/accounts?status=active");
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = LearnerEmail })).ToContainTextAsync("active");

        // 8. The learner signs in and sees their learning page, with their name in the navigation.
        await learner.GotoAsync("/account/login");
        await learner.GetByLabel("Email").FillAsync(LearnerEmail);
        await learner.GetByLabel("Password").FillAsync(TestSite.StrongPassword);
        await learner.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(learner).ToHaveURLAsync(site.BaseAddress.ToString());
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "My learning", Level = 1 })).ToBeVisibleAsync();
        var nav = learner.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = LearnerName })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);

        // 9. Signing out ends the session: the home page is the public welcome again.
        await learner.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "My learning" })).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
