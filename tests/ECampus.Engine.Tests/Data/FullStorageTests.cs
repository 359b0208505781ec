using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using ECampus.Testing;
using Microsoft.Data.Sqlite;

namespace ECampus.Engine.Tests.Data;

/// <summary>
/// Storage runs out (here the operator's database size cap, which fails exactly as a full disk does: SQLITE_FULL):
/// writes answer "not saved, retry" and keep nothing, health turns degraded, and freeing space heals the site without a restart.
/// </summary>
public sealed class FullStorageTests
{
    private const int CapMegabytes = 1;

    [Test]
    public async Task FullStorage_Answers507WithoutReceipt_DegradesHealth_AndRecoversOnceSpaceIsFreed()
    {
        await using var site = await TestSite.StartAsync(settings => settings["ECampus:MaxDatabaseSizeMegabytes"] = CapMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var client = site.Client();
        var earlier = await client.PostAsJsonAsync("/api/v1/auth/register", Registration("earlier@example.org"));
        Assert.That(earlier.StatusCode, Is.EqualTo(HttpStatusCode.Created), await earlier.Content.ReadAsStringAsync());
        await using (var filler = site.Open())
        {
            await FillToTheCapAsync(filler);
        }

        var refused = await client.PostAsJsonAsync("/api/v1/auth/register", Registration("refused@example.org"));
        var health = await client.GetAsync("/healthz");

        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var healthBody = await health.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.InsufficientStorage));
            Assert.That(refused.Headers.RetryAfter, Is.Not.Null, "no Retry-After");
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("storage is full").And.Contain("Nothing was changed"));
            Assert.That(problem.TryGetProperty("accountId", out _), Is.False, "a refused registration answered with an account id");
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(healthBody.GetProperty("status").GetString(), Is.EqualTo("degraded"));
        });
        await using (var connection = site.Open())
        {
            var emails = await connection.QueryAsync<string>("SELECT email FROM account WHERE email NOT LIKE 'packing%'");
            Assert.That(emails, Is.EqualTo(new[] { "earlier@example.org" }), "the refused registration was stored, or the earlier one lost");
            Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"), Is.EqualTo("ok"));
            await connection.ExecuteAsync("DROP TABLE filler; DELETE FROM account WHERE email LIKE 'packing%'");
        }

        var retried = await client.PostAsJsonAsync("/api/v1/auth/register", Registration("refused@example.org"));
        var healed = await client.GetAsync("/healthz");

        Assert.Multiple(() =>
        {
            Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the write still fails after space was freed");
            Assert.That(healed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "health stays degraded after a successful write");
        });
    }

    private static object Registration(string email) => new { email, password = TestSite.StrongPassword, displayName = new string('N', 100) };

    /// <summary>
    /// Grows the database to the cap, then packs the account table and its index until not one more account fits,
    /// so the next registration needs a page the cap does not allow.
    /// </summary>
    private static async Task FillToTheCapAsync(SqliteConnection connection)
    {
        var pageSize = await connection.ExecuteScalarAsync<long>("PRAGMA page_size");
        await connection.ExecuteAsync($"PRAGMA max_page_count = {CapMegabytes * 1024L * 1024L / pageSize}");
        await connection.ExecuteAsync("CREATE TABLE filler (chunk BLOB)");
        foreach (var size in new[] { pageSize * 16, pageSize / 2, 64 })
        {
            while (await FitsAsync(connection, "INSERT INTO filler (chunk) VALUES (zeroblob(@size))", new { size }))
            {
            }
        }

        var n = 0;
        while (await FitsAsync(connection, """
            INSERT INTO account (email, email_normalized, display_name, password_hash, status, created_at)
            VALUES (@email, @email, @name, @hash, 'active', '2026-01-01T00:00:00.000Z')
            """, new { email = $"packing{n++:D5}@example.org", name = new string('P', 60), hash = new string('h', 84) }))
        {
        }
    }

    private static async Task<bool> FitsAsync(SqliteConnection connection, string sql, object parameters)
    {
        try
        {
            await connection.ExecuteAsync(sql, parameters);
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 13)
        {
            return false;
        }
    }
}
