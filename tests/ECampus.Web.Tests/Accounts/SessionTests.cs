using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using ECampus.Testing;

namespace ECampus.Web.Tests.Accounts;

/// <summary>Sessions end, and changes to an account apply, on the very next request.</summary>
public sealed partial class SessionTests
{
    private TestSite _site = null!;

    [SetUp]
    public async Task StartSite()
    {
        _site = await TestSite.StartAsync();
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        await _site.CreateAccountAsync("ana@example.org", "Ana");
    }

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task AfterSignOut_ReplayingTheOldCookie_IsRejected()
    {
        using var browser = await _site.BrowserClientAsync("ana@example.org");
        var cookie = SessionCookie(browser);
        Assert.That((await browser.GetAsync("/account/password")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var home = await browser.GetStringAsync("/");
        var signOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TestSite.AntiforgeryToken(home) }));
        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        using var replay = _site.Client();
        replay.DefaultRequestHeaders.Add("Cookie", $"ecampus-session={cookie}");
        var response = await replay.GetAsync("/account/password");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Does.StartWith("/account/login"));
    }

    [Test]
    public async Task PasswordChange_EndsOtherSessionsAndTokens_AndKeepsTheCurrentOne()
    {
        using var other = await _site.BrowserClientAsync("ana@example.org");
        using var script = await _site.ApiClientAsync("ana@example.org");
        using var current = await _site.ApiClientAsync("ana@example.org");

        var change = await current.PutAsJsonAsync("/api/v1/me/password", new { currentPassword = TestSite.StrongPassword, newPassword = "a brand new learning phrase" });

        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await change.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That((await current.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await script.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await other.GetAsync("/account/password")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        });
        using var fresh = await _site.ApiClientAsync("ana@example.org", "a brand new learning phrase");
        Assert.That((await fresh.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task PasswordChange_WithTheWrongCurrentPassword_ChangesNothing()
    {
        using var client = await _site.ApiClientAsync("ana@example.org");

        var change = await client.PutAsJsonAsync("/api/v1/me/password", new { currentPassword = "not my password at all", newPassword = "a brand new learning phrase" });

        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var again = await _site.ApiClientAsync("ana@example.org");
        Assert.That((await again.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Suspension_TakesEffectOnTheNextRequest()
    {
        using var learner = await _site.ApiClientAsync("ana@example.org");
        using var browser = await _site.BrowserClientAsync("ana@example.org");
        using var admin = await _site.ApiClientAsync("admin@example.org");
        var id = await AccountIdAsync("ana@example.org");
        Assert.That((await learner.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session was not live before");
        Assert.That((await browser.GetAsync("/account/password")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session was not live before");

        (await admin.PostAsJsonAsync($"/api/v1/admin/accounts/{id}/suspend", new { reason = "spam" })).EnsureSuccessStatusCode();

        Assert.That((await learner.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await browser.GetAsync("/account/password")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var signIn = await _site.Client().PostAsJsonAsync("/api/v1/auth/token", new { email = "ana@example.org", password = TestSite.StrongPassword });
        Assert.That(await signIn.Content.ReadAsStringAsync(), Does.Contain("suspended"));

        (await admin.PostAsync($"/api/v1/admin/accounts/{id}/reactivate", null)).EnsureSuccessStatusCode();
        using var back = await _site.ApiClientAsync("ana@example.org");
        Assert.That((await back.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task SessionEndedByAnotherProcess_StopsWorkingWithinSeconds()
    {
        using var ana = await _site.ApiClientAsync("ana@example.org");
        Assert.That((await ana.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await using (var elsewhere = _site.Open())
        {
            await elsewhere.ExecuteAsync("UPDATE account_session SET revoked_at = '2026-01-01T00:00:00.000Z'");
        }

        var status = HttpStatusCode.OK;
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(100))
        {
            status = (await ana.GetAsync("/api/v1/me")).StatusCode;
        }

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized), "a session ended outside this process kept working");
    }

    [Test]
    public async Task RoleChange_TakesEffectOnTheNextRequest()
    {
        using var ana = await _site.ApiClientAsync("ana@example.org");
        using var admin = await _site.ApiClientAsync("admin@example.org");
        var id = await AccountIdAsync("ana@example.org");
        Assert.That((await ana.GetAsync("/api/v1/admin/accounts")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        (await admin.PutAsJsonAsync($"/api/v1/admin/accounts/{id}/roles", new { roles = new[] { "admin" } })).EnsureSuccessStatusCode();
        Assert.That((await ana.GetAsync("/api/v1/admin/accounts")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        (await admin.PutAsJsonAsync($"/api/v1/admin/accounts/{id}/roles", new { roles = Array.Empty<string>() })).EnsureSuccessStatusCode();
        Assert.That((await ana.GetAsync("/api/v1/admin/accounts")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AdminCanSignAPersonOutEverywhere()
    {
        using var ana = await _site.ApiClientAsync("ana@example.org");
        using var admin = await _site.ApiClientAsync("admin@example.org");

        var response = await admin.DeleteAsync($"/api/v1/admin/accounts/{await AccountIdAsync("ana@example.org")}/sessions");

        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ended").GetInt32(), Is.EqualTo(1));
        Assert.That((await ana.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task CookieAuthenticatedApiWrite_NeedsTheAntiforgeryHeader()
    {
        using var browser = await _site.BrowserClientAsync("ana@example.org");
        var body = new { currentPassword = TestSite.StrongPassword, newPassword = "a brand new learning phrase" };

        var forged = await browser.PutAsJsonAsync("/api/v1/me/password", body);
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await forged.Content.ReadAsStringAsync(), Does.Contain("X-CSRF-TOKEN"));
        using var unchanged = await _site.ApiClientAsync("ana@example.org");

        var antiforgery = await browser.GetFromJsonAsync<JsonElement>("/api/v1/auth/antiforgery");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/password") { Content = JsonContent.Create(body) };
        request.Headers.Add(antiforgery.GetProperty("headerName").GetString()!, antiforgery.GetProperty("token").GetString());
        Assert.That((await browser.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task PasswordReset_ByMailedLink_SetsTheNewPassword_OnceOnly()
    {
        using var oldSession = await _site.ApiClientAsync("ana@example.org");
        using var client = _site.Client();
        Assert.That((await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = "ana@example.org" })).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = "nobody@example.org" })).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        var mails = await _site.DeliveredMailsAsync();
        Assert.That(mails, Has.Count.EqualTo(1), "only the existing account gets a mail");
        var token = Uri.UnescapeDataString(ResetLink().Match(mails[0].Replace("=\r\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal)).Groups[1].Value);

        var reset = await TestSite.PostFormAsync(client, "/account/reset-password", new() { ["Token"] = token, ["NewPassword"] = "a reset learning phrase" },
            formPage: "/account/reset-password?token=" + Uri.EscapeDataString(token));
        Assert.That(reset.Headers.Location?.OriginalString, Is.EqualTo("/account/login?done=reset"));

        Assert.That((await oldSession.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a reset ends every session");
        Assert.That((await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "ana@example.org", password = TestSite.StrongPassword })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var signedIn = await _site.ApiClientAsync("ana@example.org", "a reset learning phrase");

        var reuse = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, newPassword = "yet another learning phrase" });
        Assert.That(reuse.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private static string SessionCookie(HttpClient client)
    {
        var handler = typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(client) as HttpClientHandler;
        return handler!.CookieContainer.GetAllCookies().Single(c => c.Name == "ecampus-session").Value;
    }

    private async Task<long> AccountIdAsync(string email)
    {
        await using var connection = _site.Open();
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM account WHERE email_normalized = @email", new { email });
    }

    [GeneratedRegex(@"reset-password\?token=([A-Za-z0-9_%\-]+)")]
    private static partial Regex ResetLink();
}
