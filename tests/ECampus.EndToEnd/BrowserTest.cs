using ECampus.Testing;
using Microsoft.Playwright;

namespace ECampus.EndToEnd;

/// <summary>
/// A test that drives the shared browser against real sites. Sites and browser contexts opened through this class are
/// closed after each test, so a test never sees another's cookies or data.
/// </summary>
public abstract class BrowserTest
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<TestSite> _sites = [];

    /// <summary>A fresh site (nobody set it up yet) serving copies of the named sample packs, stopped and removed after the test.</summary>
    protected async Task<TestSite> StartSiteAsync(params string[] packs)
    {
        var site = packs.Length == 0 ? await TestSite.StartAsync() : await SamplePacks.StartSiteAsync(null, packs);
        _sites.Add(site);
        return site;
    }

    /// <summary>A fresh site whose administrator already exists (so pages no longer lead to /setup), serving the named sample packs.</summary>
    protected async Task<TestSite> StartSetUpSiteAsync(string adminEmail = "admin@example.org", string[]? packs = null)
    {
        var site = await StartSiteAsync(packs ?? []);
        await site.CreateAccountAsync(adminEmail, "Ada Admin", TestSite.StrongPassword, "admin");
        return site;
    }

    /// <summary>A new person at a new browser: an isolated context with an empty cookie jar and cache.</summary>
    protected async Task<IPage> NewPersonAsync(TestSite site, bool javaScript = true, int width = 1280, int height = 900)
    {
        var context = await Browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login page, as a person does, and waits until the page shows the "Sign out" button.</summary>
    protected static async Task SignInAsync(IPage page, string email, string password = TestSite.StrongPassword)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [TearDown]
    public async Task CloseAsync()
    {
        var failed = TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed;
        foreach (var context in _contexts)
        {
            if (failed)
            {
                await AttachScreenshotsAsync(context);
            }

            await context.CloseAsync();
        }

        _contexts.Clear();
        foreach (var site in _sites)
        {
            await site.DisposeAsync();
        }

        _sites.Clear();
    }

    /// <summary>A file for a screenshot in the test's work folder (bin/..., never committed), named after <paramref name="name"/>.</summary>
    protected static string ScreenshotPath(string name)
    {
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')).Trim('-');
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{safe}.png");
    }

    /// <summary>After a failure, what each open page showed goes into the test results (the TRX folder), for the person reading them.</summary>
    private static async Task AttachScreenshotsAsync(IBrowserContext context)
    {
        foreach (var page in context.Pages)
        {
            try
            {
                var file = ScreenshotPath($"failed-{TestContext.CurrentContext.Test.Name}-{Guid.NewGuid():N}");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                TestContext.AddTestAttachment(file, $"{page.Url} when the test failed");
            }
            catch (PlaywrightException)
            {
                // The page is gone (crashed or closed); the failure message still tells what happened.
            }
        }
    }
}
