using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using ECampus.Testing;

namespace ECampus.Engine.Tests.Data;

/// <summary>Another process holds the write lock (a long transaction, a backup): writers get a clear, retriable answer in time.</summary>
public sealed class BusyDatabaseTests
{
    [Test]
    public async Task WriteLockHeldElsewhere_Answers503WithRetryAfter_StoresNothing_AndTheRetrySucceeds()
    {
        await using var site = await TestSite.StartAsync(settings => settings["ECampus:BusyTimeoutSeconds"] = "1");
        using var client = site.Client();
        var registration = new { email = "patient@example.org", password = TestSite.StrongPassword, displayName = "Patient" };

        HttpResponseMessage busy;
        TimeSpan waited;
        await using (var blocker = site.Open())
        {
            await blocker.ExecuteAsync("BEGIN IMMEDIATE");
            var clock = Stopwatch.StartNew();
            busy = await client.PostAsJsonAsync("/api/v1/auth/register", registration);
            waited = clock.Elapsed;
            await blocker.ExecuteAsync("ROLLBACK");
        }

        var problem = await busy.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(busy.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(busy.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(busy.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero), "no Retry-After");
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(503));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Nothing was changed"));
            Assert.That(waited, Is.LessThan(TimeSpan.FromSeconds(10)), "the writer waited far beyond the 1 s busy timeout");
        });
        await using (var connection = site.Open())
        {
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account WHERE email = 'patient@example.org'"), Is.Zero,
                "the refused registration was stored");
        }

        var retried = await client.PostAsJsonAsync("/api/v1/auth/register", registration);
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Created), await retried.Content.ReadAsStringAsync());
    }
}
