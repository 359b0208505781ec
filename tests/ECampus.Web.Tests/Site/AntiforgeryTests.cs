using System.Net;
using ECampus.Testing;

namespace ECampus.Web.Tests.Site;

/// <summary>
/// Pages hand out the request token issued for the browser's antiforgery cookie and account again rather than minting
/// one per page; a token still works only for the account it was issued to.
/// </summary>
public sealed class AntiforgeryTests
{
    private TestSite _site = null!;

    [SetUp]
    public async Task StartSite()
    {
        _site = await TestSite.StartAsync();
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        await _site.CreateAccountAsync("ana@example.org", "Ana");
        await _site.CreateAccountAsync("ben@example.org", "Ben");
    }

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task SamePersonAndCookie_GetTheSameToken_ThatStillValidates_OnAPageThatIsNotCached()
    {
        using var browser = await _site.BrowserClientAsync("ana@example.org");

        var first = TestSite.AntiforgeryToken(await browser.GetStringAsync("/"));
        using var again = await browser.GetAsync("/account/password");
        var second = TestSite.AntiforgeryToken(await again.Content.ReadAsStringAsync());

        Assert.That(second, Is.Not.Empty.And.EqualTo(first));
        Assert.That(again.Headers.CacheControl?.NoStore, Is.True, "a page carrying a token may be cached");
        var signOut = await browser.PostAsync("/account/logout", Form(second));
        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task AnotherAccountSignedInOnTheSameBrowser_GetsItsOwnToken_AndTheFirstOneIsRefused()
    {
        using var browser = await _site.BrowserClientAsync("ana@example.org");
        var anasToken = TestSite.AntiforgeryToken(await browser.GetStringAsync("/"));
        Assert.That((await browser.PostAsync("/account/logout", Form(anasToken))).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var signIn = await TestSite.PostFormAsync(browser, "/account/login", new() { ["Email"] = "ben@example.org", ["Password"] = TestSite.StrongPassword });
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var bensToken = TestSite.AntiforgeryToken(await browser.GetStringAsync("/"));

        Assert.That(bensToken, Is.Not.Empty.And.Not.EqualTo(anasToken));
        var forged = await browser.PostAsync("/account/logout", Form(anasToken));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a token issued to another account was accepted");
        Assert.That((await browser.GetAsync("/account/password")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "Ben was signed out by a forged post");
    }

    private static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
}
