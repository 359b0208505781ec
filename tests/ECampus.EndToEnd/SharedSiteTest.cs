using ECampus.Testing;

namespace ECampus.EndToEnd;

/// <summary>
/// Tests that only look at pages share one site per fixture, already holding every kind of account
/// (<see cref="Accounts.AddEveryKindAsync"/>): starting a site and hashing five passwords for each test would cost seconds.
/// Each test still uses its own browser context.
/// </summary>
public abstract class SharedSiteTest : BrowserTest
{
    protected TestSite Site { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartSharedSiteAsync()
    {
        Site = await TestSite.StartAsync();
        await Accounts.AddEveryKindAsync(Site);
    }

    [OneTimeTearDown]
    public async Task StopSharedSiteAsync() => await Site.DisposeAsync();
}
