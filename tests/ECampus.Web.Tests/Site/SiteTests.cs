using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using ECampus.Testing;

namespace ECampus.Web.Tests.Site;

public sealed class SiteTests
{
    private TestSite _site = null!;

    [SetUp]
    public async Task StartSite() => _site = await TestSite.StartAsync();

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task FreshSite_LeadsEveryPageToSetup_AndSetupCreatesTheSignedInAdmin()
    {
        using var client = _site.Client();
        var home = await client.GetAsync("/");
        Assert.That(home.Headers.Location?.OriginalString, Is.EqualTo("/setup"));
        Assert.That((await client.GetAsync("/account/login")).Headers.Location?.OriginalString, Is.EqualTo("/setup"));

        var setup = await TestSite.PostFormAsync(client, "/setup", new() { ["DisplayName"] = "Ada", ["Email"] = "ada@example.org", ["Password"] = TestSite.StrongPassword });

        Assert.That(setup.Headers.Location?.OriginalString, Is.EqualTo("/admin"));
        var admin = await client.GetAsync("/admin");
        Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await admin.Content.ReadAsStringAsync(), Does.Contain("Administration"));
    }

    [Test]
    public async Task Setup_OnceAnAdminExists_IsClosed_AndCreatesNoSecondAdmin()
    {
        await _site.CreateAccountAsync("ada@example.org", "Ada", TestSite.StrongPassword, "admin");
        using var client = _site.Client();

        Assert.That((await client.GetAsync("/setup")).Headers.Location?.OriginalString, Is.EqualTo("/account/login"));
        var loginPage = await client.GetStringAsync("/account/login");
        var forced = await client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = "Eve", ["Email"] = "eve@example.org", ["Password"] = TestSite.StrongPassword,
            ["__RequestVerificationToken"] = TestSite.AntiforgeryToken(loginPage),
        }));

        Assert.That(forced.Headers.Location?.OriginalString, Is.EqualTo("/account/login"));
        await using var connection = _site.Open();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account"), Is.EqualTo(1));
    }

    [Test]
    public async Task Health_Answers200WithTheDatabaseReachable()
    {
        using var client = _site.Client();
        var response = await client.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("ok"));
    }

    [Test]
    public async Task Health_Answers503WhenTheDatabaseIsGone()
    {
        using var client = _site.Client();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Move(_site.DatabasePath, _site.DatabasePath + ".moved");
        File.Delete(_site.DatabasePath + "-wal");
        File.Delete(_site.DatabasePath + "-shm");
        try
        {
            Assert.That((await client.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_site.DatabasePath);
            File.Move(_site.DatabasePath + ".moved", _site.DatabasePath);
        }
    }

    [Test]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndDynamicOnesAreNotCached()
    {
        await _site.CreateAccountAsync("ada@example.org", "Ada", TestSite.StrongPassword, "admin");
        await _site.CreateAccountAsync("ana@example.org");
        using var browser = await _site.BrowserClientAsync("ana@example.org");

        foreach (var path in new[] { "/", "/account/password", "/api/v1/me", "/api/v1/no-such-route" })
        {
            var response = await browser.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Multiple(() =>
            {
                Assert.That(csp, Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.Not.Contain("unsafe-inline"), path);
                Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"), path);
                Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.Not.Empty, path);
                Assert.That(response.Headers.CacheControl?.NoStore, Is.True, path);
            });
        }

        var css = await browser.GetAsync("/css/site.css");
        Assert.That(css.Headers.CacheControl?.Public, Is.True);
        Assert.That(css.Headers.ETag, Is.Not.Null);
        Assert.That(css.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
    }

    [Test]
    public async Task UnknownApiRoute_Returns404ProblemDetails_AndUnknownPageAFriendlyPageWithRequestId()
    {
        await _site.CreateAccountAsync("ada@example.org", "Ada", TestSite.StrongPassword, "admin");
        await _site.CreateAccountAsync("ana@example.org");
        using var client = _site.Client();

        var api = await client.GetAsync("/api/v1/does-not-exist");
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(api.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain("OpenAPI"));

        using var browser = await _site.BrowserClientAsync("ana@example.org");
        var page = await browser.GetAsync("/no/such/page");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(html, Does.Contain("Page not found").And.Contain("Request id"));
    }

    [Test]
    public async Task AdminApi_RefusesAnonymousWith401_AndLearnersWith403()
    {
        await _site.CreateAccountAsync("ana@example.org");
        using var anonymous = _site.Client();
        using var learner = await _site.ApiClientAsync("ana@example.org");

        foreach (var (method, path) in new[] { ("GET", "/api/v1/admin/accounts"), ("PUT", "/api/v1/admin/settings"), ("POST", "/api/v1/admin/accounts/1/approve"), ("GET", "/api/v1/admin/plugins") })
        {
            using var first = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { requireApproval = true }) };
            using var second = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { requireApproval = true }) };
            Assert.That((await anonymous.SendAsync(first)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), path);
            Assert.That((await learner.SendAsync(second)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), path);
        }

        await using var connection = _site.Open();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM site_setting"), Is.Zero);
    }

    [Test]
    public async Task AdminPages_RedirectAnonymousToSignIn_AndRefuseLearners()
    {
        await _site.CreateAccountAsync("ada@example.org", "Ada", TestSite.StrongPassword, "admin");
        await _site.CreateAccountAsync("ana@example.org");
        using var anonymous = _site.Client();
        using var learner = await _site.BrowserClientAsync("ana@example.org");

        var redirected = await anonymous.GetAsync("/admin/accounts");
        Assert.That(redirected.Headers.Location?.OriginalString, Is.EqualTo("/account/login?returnUrl=%2Fadmin%2Faccounts"));
        Assert.That((await learner.GetAsync("/admin/accounts")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await learner.GetAsync("/author")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AFormRenderedBeforeARestart_IsStillAccepted()
    {
        await _site.CreateAccountAsync("ada@example.org", "Ada", TestSite.StrongPassword, "admin");
        await _site.CreateAccountAsync("ana@example.org");
        using var client = _site.Client();
        var page = await client.GetStringAsync("/account/login");

        await _site.RestartAsync();
        using var sameBrowser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = CookiesOf(client), UseCookies = true }) { BaseAddress = _site.BaseAddress };
        var response = await sameBrowser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "ana@example.org", ["Password"] = TestSite.StrongPassword, ["__RequestVerificationToken"] = TestSite.AntiforgeryToken(page),
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the key ring is persisted, so the antiforgery token survives a restart");
    }

    [Test]
    public async Task SignedInSession_SurvivesARestart()
    {
        await _site.CreateAccountAsync("ana@example.org");
        using var client = await _site.ApiClientAsync("ana@example.org");
        var token = client.DefaultRequestHeaders.Authorization!.Parameter;

        await _site.RestartAsync();
        using var after = new HttpClient { BaseAddress = _site.BaseAddress };
        after.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.That((await after.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static CookieContainer CookiesOf(HttpClient client)
    {
        var handler = (HttpClientHandler)typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(client)!;
        var copy = new CookieContainer();
        foreach (Cookie cookie in handler.CookieContainer.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, "127.0.0.1"));
        }

        return copy;
    }
}
