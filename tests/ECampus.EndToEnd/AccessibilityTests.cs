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
    public async Task PublicPage_HasNoAxeViolations(string path, string? heading)
    {
        var page = await NewPersonAsync(Site);
        await GotoAsync(page, path, heading);
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
    public async Task AdminPage_HasNoAxeViolations(string path, string heading)
    {
        var page = await NewPersonAsync(Site);
        await SignInAsync(page, Accounts.AdminEmail);
        await GotoAsync(page, path, heading);
        await AssertNoViolationsAsync(page);
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

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var report = string.Join(Environment.NewLine, result.Violations.Select(violation =>
            $"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>" + Environment.NewLine
            + string.Join(Environment.NewLine, violation.Nodes.Select(node => $"    at {node.Target}: {node.Html}"))));
        Assert.That(result.Violations, Has.Length.Zero, $"axe-core found violations on {page.Url}:{Environment.NewLine}{report}");
    }
}
