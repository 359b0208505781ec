using Microsoft.Playwright;

namespace ECampus.EndToEnd;

/// <summary>
/// Starts Debian's chromium once for the whole assembly (the first start takes seconds); each test then opens its own
/// browser context, which is as separate as another person on another machine: no shared cookies or cache.
/// </summary>
[SetUpFixture]
public sealed class Browser
{
    /// <summary>Where Debian's <c>chromium</c> package puts the browser; override with <c>ECAMPUS_CHROMIUM</c>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("ECAMPUS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static IBrowser Instance => _browser ?? throw new InvalidOperationException("The browser starts in the assembly's set-up fixture.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"No chromium at {ExecutablePath}. Install it with `sudo apt-get install -y chromium` (tests/run-all.sh does this for you).");
        }

        // Slower machines (2 cores, a cold site) need more than Playwright's 5 s default for the first page of a site.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 120_000,
            // Without the background-networking flags chromium keeps calling home, which floods a closed network.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
