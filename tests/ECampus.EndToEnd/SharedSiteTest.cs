using ECampus.Testing;

namespace ECampus.EndToEnd;

/// <summary>
/// Tests that only look at pages share one site per fixture, serving the three sample courses and already holding every
/// kind of account (<see cref="Accounts.AddEveryKindAsync"/>) and enrolment (<see cref="SampleCourses.PrepareSharedSiteAsync"/>):
/// starting a site and hashing seven passwords for each test would cost seconds. Each test still uses its own browser context.
/// </summary>
public abstract class SharedSiteTest : BrowserTest
{
    protected TestSite Site { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartSharedSiteAsync()
    {
        Site = await SamplePacks.StartSiteAsync(null, SamplePacks.SelfPaced, SamplePacks.TutorSupported, SamplePacks.Webinar);
        var tutorId = await Accounts.AddEveryKindAsync(Site);
        await SampleCourses.PrepareSharedSiteAsync(Site, tutorId);
    }

    [OneTimeTearDown]
    public async Task StopSharedSiteAsync() => await Site.DisposeAsync();
}
