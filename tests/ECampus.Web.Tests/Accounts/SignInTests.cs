using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using ECampus.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ECampus.Web.Tests.Accounts;

public sealed class SignInTests
{
    private TestSite _site = null!;

    [SetUp]
    public async Task StartSite()
    {
        _site = await TestSite.StartAsync(settings =>
        {
            settings["ECampus:Accounts:MaxFailuresPerAccount"] = "3";
            settings["ECampus:Accounts:MaxFailuresPerAddress"] = "6";
        });
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
    }

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task WrongPasswordAndUnknownEmail_GetTheSameGenericAnswer()
    {
        await _site.CreateAccountAsync("ana@example.org");
        using var client = _site.Client();

        var wrongPassword = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "ana@example.org", password = "not the password at all" });
        var unknownEmail = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.org", password = "not the password at all" });

        Assert.That(wrongPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(unknownEmail.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await Detail(wrongPassword), Is.EqualTo(await Detail(unknownEmail)));
    }

    [Test]
    public async Task RepeatedFailuresOnOneAccount_Return429WithRetryAfter_EvenForTheRightPassword()
    {
        await _site.CreateAccountAsync("ana@example.org");
        using var client = _site.Client();
        for (var i = 0; i < 3; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "ana@example.org", password = $"wrong guess number {i}" });
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var throttled = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "ana@example.org", password = TestSite.StrongPassword });

        Assert.That(throttled.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(throttled.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task RepeatedFailuresAcrossAccountsFromOneAddress_AreThrottledOnTheLoginPageToo()
    {
        using var client = _site.Client();
        for (var i = 0; i < 6; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { email = $"guess{i}@example.org", password = "wrong guess password" });
        }

        var page = await TestSite.PostFormAsync(client, "/account/login", new() { ["Email"] = "someone@example.org", ["Password"] = "whatever it is" });

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(page.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("Too many attempts"));
    }

    [Test]
    public async Task ForwardedForHeader_IsIgnoredWithoutATrustedProxy()
    {
        using var client = _site.Client();
        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
            {
                Content = JsonContent.Create(new { email = $"guess{i}@example.org", password = "wrong guess password" }),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            await client.SendAsync(request);
        }

        using var last = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email = "fresh@example.org", password = "wrong guess password" }),
        };
        last.Headers.Add("X-Forwarded-For", "198.51.100.7");
        Assert.That((await client.SendAsync(last)).StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests),
            "a forged X-Forwarded-For must not give each attempt a fresh address");
    }

    [Test]
    public async Task PasswordResetRequests_AreThrottledPerAddress()
    {
        using var client = _site.Client();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 7; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = $"someone{i}@example.org" });
        }

        Assert.That(last!.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task StoredHash_IsPbkdf2Sha512WithAtLeast210000Iterations()
    {
        await _site.CreateAccountAsync("ana@example.org");

        var (prf, iterations) = await StoredHashParametersAsync("ana@example.org");

        Assert.That(prf, Is.EqualTo(2u), "PRF 2 is HMAC-SHA512");
        Assert.That(iterations, Is.GreaterThanOrEqualTo(210_000u));
    }

    [Test]
    public async Task LegacyHash_IsUpgradedAtTheNextSignIn()
    {
        await _site.CreateAccountAsync("ana@example.org");
        var legacy = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 })).HashPassword(new object(), TestSite.StrongPassword);
        await using (var connection = _site.Open())
        {
            await connection.ExecuteAsync("UPDATE account SET password_hash = @legacy", new { legacy });
        }

        Assert.That((await StoredHashParametersAsync("ana@example.org")).Iterations, Is.EqualTo(100_000u));
        using var client = await _site.ApiClientAsync("ana@example.org");

        Assert.That((await StoredHashParametersAsync("ana@example.org")).Iterations, Is.GreaterThanOrEqualTo(210_000u));
    }

    [TestCase("//evil.example/steal")]
    [TestCase("https://evil.example/")]
    [TestCase("/\\evil.example")]
    [TestCase("javascript:alert(1)")]
    public async Task LoginReturnUrl_LeavingTheSite_RedirectsHome(string returnUrl)
    {
        await _site.CreateAccountAsync("ana@example.org");
        using var client = _site.Client();

        var response = await TestSite.PostFormAsync(client, "/account/login",
            new() { ["Email"] = "ana@example.org", ["Password"] = TestSite.StrongPassword, ["ReturnUrl"] = returnUrl });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/"));
    }

    [Test]
    public async Task LoginReturnUrl_WithinTheSite_IsFollowed()
    {
        await _site.CreateAccountAsync("ana@example.org");
        using var client = _site.Client();

        var response = await TestSite.PostFormAsync(client, "/account/login",
            new() { ["Email"] = "ana@example.org", ["Password"] = TestSite.StrongPassword, ["ReturnUrl"] = "/account/password" });

        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/account/password"));
    }

    [Test]
    public async Task SessionCookie_IsHttpOnlyAndSameSiteLax()
    {
        await _site.CreateAccountAsync("ana@example.org");
        using var client = _site.Client();

        var response = await TestSite.PostFormAsync(client, "/account/login", new() { ["Email"] = "ana@example.org", ["Password"] = TestSite.StrongPassword });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ecampus-session=", StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=lax").IgnoreCase.And.Contain("path=/"));
    }

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString();

    private async Task<(uint Prf, uint Iterations)> StoredHashParametersAsync(string email)
    {
        await using var connection = _site.Open();
        var bytes = Convert.FromBase64String(await connection.ExecuteScalarAsync<string>("SELECT password_hash FROM account WHERE email_normalized = @email", new { email }) ?? "");
        Assert.That(bytes[0], Is.EqualTo(0x01), "Identity V3 format marker");
        return (BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
    }
}
