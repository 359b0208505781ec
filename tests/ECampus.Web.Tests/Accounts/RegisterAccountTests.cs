using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using ECampus.Testing;

namespace ECampus.Web.Tests.Accounts;

public sealed class RegisterAccountTests
{
    private TestSite _site = null!;

    [SetUp]
    public async Task StartSite() => _site = await TestSite.StartAsync();

    [TearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task OpenRegistration_Returns201_AndTheAccountCanSignIn()
    {
        using var client = _site.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new
        {
            email = "amina@example.org", password = TestSite.StrongPassword, displayName = "Amina", country = "Kenya", gender = "female", organisationType = "government",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        using var me = await _site.ApiClientAsync("amina@example.org");
        var profile = await me.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Multiple(() =>
        {
            Assert.That(profile.GetProperty("displayName").GetString(), Is.EqualTo("Amina"));
            Assert.That(profile.GetProperty("country").GetString(), Is.EqualTo("Kenya"));
            Assert.That(profile.GetProperty("organisationType").GetString(), Is.EqualTo("government"));
            Assert.That(profile.GetProperty("siteRoles").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task ApprovalRequired_Returns202_AndSignInWaitsUntilAnAdminApproves()
    {
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        using var admin = await _site.ApiClientAsync("admin@example.org");
        (await admin.PutAsJsonAsync("/api/v1/admin/settings", new { requireApproval = true })).EnsureSuccessStatusCode();

        using var client = _site.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "li@example.org", password = TestSite.StrongPassword, displayName = "Li" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var accountId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accountId").GetInt64();

        var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "li@example.org", password = TestSite.StrongPassword });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("waiting for approval"));

        (await admin.PostAsync($"/api/v1/admin/accounts/{accountId}/approve", null)).EnsureSuccessStatusCode();
        using var learner = await _site.ApiClientAsync("li@example.org");
        Assert.That((await learner.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var mails = await _site.DeliveredMailsAsync();
        Assert.That(mails, Has.Some.Contains("awaits approval").And.Some.Contains("To: li@example.org").And.Some.Contains("approved"),
            "the admin is told of the registration and the learner of the approval");
    }

    [Test]
    public async Task DuplicateEmail_InAnyCase_Returns409_AndAddsNoAccount()
    {
        using var client = _site.Client();
        (await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "sam@example.org", password = TestSite.StrongPassword, displayName = "Sam" })).EnsureSuccessStatusCode();

        var again = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = " SAM@Example.org ", password = TestSite.StrongPassword, displayName = "Other Sam" });

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("already exists"));
        Assert.That(await CountAccountsAsync(), Is.EqualTo(1));
    }

    [TestCase("short")]
    [TestCase("password123")]
    [TestCase("aaaaaaaaaaaa")]
    public async Task WeakPassword_Returns400WithTheReason_AndAddsNoAccount(string password)
    {
        using var client = _site.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "weak@example.org", password, displayName = "Weak" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").GetProperty("password")[0].GetString(), Is.Not.Empty);
        Assert.That(await CountAccountsAsync(), Is.Zero);
    }

    [Test]
    public async Task InvalidEmailAndUnknownProfileChoice_Return400ForEachField()
    {
        using var client = _site.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email = "not-an-email", password = TestSite.StrongPassword, displayName = "X", gender = "robot" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(errors.TryGetProperty("email", out _), Is.True, errors.ToString());
            Assert.That(errors.TryGetProperty("gender", out _), Is.True, errors.ToString());
        });
        Assert.That(await CountAccountsAsync(), Is.Zero);
    }

    [Test]
    public async Task ExtraFieldsClaimingRolesOrStatus_AreIgnored()
    {
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        using var adminClient = await _site.ApiClientAsync("admin@example.org");
        (await adminClient.PutAsJsonAsync("/api/v1/admin/settings", new { requireApproval = true })).EnsureSuccessStatusCode();
        using var client = _site.Client();

        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new
        {
            email = "mallory@example.org", password = TestSite.StrongPassword, displayName = "Mallory",
            role = "admin", siteRoles = new[] { "admin" }, status = "active", id = 1,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await using var connection = _site.Open();
        var stored = await connection.QuerySingleAsync<(string Status, long Roles)>(
            "SELECT status, (SELECT count(*) FROM account_role r WHERE r.account_id = a.id) FROM account a WHERE email_normalized = 'mallory@example.org'");
        Assert.That(stored, Is.EqualTo(("pending", 0L)));
    }

    [Test]
    public async Task OversizedBody_Returns413_AndStoresNothing()
    {
        using var client = _site.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/register", new
        {
            email = "big@example.org", password = TestSite.StrongPassword, displayName = "Big", region = new string('x', 2_000_000),
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await CountAccountsAsync(), Is.Zero);
    }

    [Test]
    public async Task MalformedJson_Returns400ProblemDetails()
    {
        using var client = _site.Client();
        var response = await client.PostAsync("/api/v1/auth/register", new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await CountAccountsAsync(), Is.Zero);
    }

    [Test]
    public async Task RegisterPage_WithoutAntiforgeryToken_Returns400_AndStoresNothing()
    {
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        using var client = _site.Client();
        var response = await client.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = "Forged", ["Email"] = "forged@example.org", ["Password"] = TestSite.StrongPassword,
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await CountAccountsAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task RegisterPage_WithProblems_ShowsEachOnThePage_AndKeepsTheTypedValues()
    {
        await _site.CreateAccountAsync("admin@example.org", "Admin", TestSite.StrongPassword, "admin");
        using var client = _site.Client();
        var response = await TestSite.PostFormAsync(client, "/account/register", new()
        {
            ["DisplayName"] = "Nadia", ["Email"] = "admin@example.org", ["Password"] = TestSite.StrongPassword,
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(html, Does.Contain("already exists").And.Contain("value=\"Nadia\""));
    }

    private async Task<long> CountAccountsAsync()
    {
        await using var connection = _site.Open();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account");
    }
}
