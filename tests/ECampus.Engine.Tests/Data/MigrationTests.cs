using Dapper;
using DbUp.Engine;
using ECampus.Engine.Data;
using ECampus.Testing;
using Microsoft.Data.Sqlite;

namespace ECampus.Engine.Tests.Data;

public sealed class MigrationTests
{
    [Test]
    public async Task Restart_AppliesNoMigrationTwice()
    {
        await using var site = await TestSite.StartAsync();
        var before = await JournalAsync(site.Open());

        await site.RestartAsync();

        var after = await JournalAsync(site.Open());
        Assert.That(before, Has.Count.GreaterThanOrEqualTo(2).And.Some.Matches<JournalRow>(row => row.ScriptName == "engine/0001_accounts.sql"));
        Assert.That(after, Is.EqualTo(before), "the restart changed the migration journal");
    }

    [Test]
    public async Task DatabaseUpgradedByNewerBuild_RefusesToStart_NamingTheScript()
    {
        var root = Directory.CreateTempSubdirectory("ecampus-too-new-").FullName;
        long journalled;
        try
        {
            await using (var storage = await EngineStorage.CreateAsync(root))
            {
                await using var connection = storage.Open();
                await connection.ExecuteAsync("INSERT INTO schema_version (ScriptName, Applied) VALUES ('engine/9999_future.sql', '2031-01-01 00:00:00')");
                journalled = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_version");
            }

            var refused = Assert.ThrowsAsync<SchemaTooNewException>(async () => await (await TestSite.StartAsync(root: root)).DisposeAsync());

            Assert.That(refused!.Message, Does.Contain("engine/9999_future.sql").And.Contain("newer version"));
            await using var after = new SqliteConnection($"Data Source={Path.Combine(root, "data", "ecampus.db")};Pooling=False");
            after.Open();
            Assert.That(await after.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_version"), Is.EqualTo(journalled), "the refused start still changed the journal");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task FailingMigration_LeavesNoPartialChange_AndTheFixedScriptAppliesLater()
    {
        await using var storage = await EngineStorage.CreateAsync();
        var good = new SqlScript("trial/0001_first.sql", "CREATE TABLE trial_first (id INTEGER PRIMARY KEY);");
        var bad = new SqlScript("trial/0002_second.sql", """
            CREATE TABLE trial_second (id INTEGER PRIMARY KEY);
            INSERT INTO trial_first (id) VALUES (1);
            INSERT INTO trial_missing (id) VALUES (1);
            """);

        var failed = Assert.ThrowsAsync<MigrationFailedException>(() => storage.Migrator.ApplyAsync(new MigrationSet("trial", [good, bad]), CancellationToken.None));

        Assert.That(failed!.Message, Does.Contain("trial/0002_second.sql").And.Contain("no such table: trial_missing"));
        await using (var connection = storage.Open())
        {
            var tables = await TablesAsync(connection);
            var kept = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM trial_first");
            var journal = await connection.QueryAsync<string>("SELECT ScriptName FROM schema_version WHERE ScriptName LIKE 'trial/%'");
            Assert.Multiple(() =>
            {
                Assert.That(tables, Does.Contain("trial_first").And.No.Contain("trial_second"));
                Assert.That(kept, Is.Zero, "the failed script's insert was kept");
                Assert.That(journal, Is.EqualTo(new[] { "trial/0001_first.sql" }));
            });
        }

        var fixedScript = new SqlScript("trial/0002_second.sql", "CREATE TABLE trial_second (id INTEGER PRIMARY KEY); INSERT INTO trial_first (id) VALUES (1);");
        Assert.That(await storage.Migrator.ApplyAsync(new MigrationSet("trial", [good, fixedScript]), CancellationToken.None), Is.EqualTo(1));
    }

    private static async Task<List<JournalRow>> JournalAsync(SqliteConnection connection)
    {
        await using (connection)
        {
            return (await connection.QueryAsync<JournalRow>("SELECT SchemaVersionID AS Id, ScriptName, Applied FROM schema_version ORDER BY SchemaVersionID")).ToList();
        }
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection connection) =>
        (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToList();

    private sealed record JournalRow(long Id, string ScriptName, string Applied);
}
