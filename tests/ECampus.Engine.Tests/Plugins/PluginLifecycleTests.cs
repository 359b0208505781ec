using ECampus.Testing;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using static ECampus.Engine.Tests.Plugins.TestPlugins;

namespace ECampus.Engine.Tests.Plugins;

/// <summary>A plug-in's data and migrations across a restart of the site and an upgrade of the plug-in.</summary>
public sealed class PluginLifecycleTests
{
    private const string Admin = "admin@example.org";

    [Test]
    public async Task PluginData_SurvivesRestart_AndItsMigrationIsNotReapplied()
    {
        var root = Directory.CreateTempSubdirectory("ecampus-plugin-restart-").FullName;
        PluginCompiler.Install(Path.Combine(root, "plugins"), "Hello", HelloSource, HelloMigrations);
        await using var site = await TestSite.StartAsync(root: root);
        await site.CreateAccountAsync(Admin, "Admin", TestSite.StrongPassword, "admin");
        using (var before = await site.ApiClientAsync(Admin))
        {
            (await before.PostAsJsonAsync("/api/hello/greetings", new { text = "Before the restart" })).EnsureSuccessStatusCode();
        }

        await site.RestartAsync();

        using var after = await site.ApiClientAsync(Admin);
        var listed = await after.GetFromJsonAsync<List<PluginView>>("/api/v1/admin/plugins");
        Assert.That(listed!.Single(p => p.Id == "hello"), Is.EqualTo(new PluginView("hello", true, null)), "hello is not enabled after the restart");
        Assert.That(await after.GetFromJsonAsync<List<string>>("/api/hello/greetings"), Is.EqualTo(new[] { "Before the restart" }));
        await using var connection = site.Open();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schema_version WHERE ScriptName LIKE 'hello/%'"), Is.EqualTo(1));
    }

    /// <summary>
    /// Run through the command line: a new build of a plug-in is picked up by a new process (the runtime never
    /// reloads an assembly path it has loaded), which is how an operator upgrades one anyway.
    /// </summary>
    [Test]
    public async Task UpgradedPlugin_AppliesOnlyItsNewMigration_AndKeepsItsData()
    {
        var root = Directory.CreateTempSubdirectory("ecampus-plugin-upgrade-").FullName;
        try
        {
            var plugins = Path.Combine(root, "plugins");
            var ecampus = new EcampusProcess(Path.Combine(root, "data"), plugins);
            PluginCompiler.Install(plugins, "Hello", HelloSource, HelloMigrations);
            var first = await ecampus.RunAsync(null, "migrate");
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            await using (var connection = Open(ecampus.DatabasePath))
            {
                await connection.ExecuteAsync("INSERT INTO hello_greeting (text) VALUES ('Kept')");
            }

            PluginCompiler.Install(plugins, "Hello", HelloUpgradeSource, HelloUpgradeMigrations);
            var second = await ecampus.RunAsync(null, "migrate");

            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            await using var after = Open(ecampus.DatabasePath);
            var journal = (await after.QueryAsync<string>("SELECT ScriptName FROM schema_version WHERE ScriptName LIKE 'hello/%' ORDER BY SchemaVersionID")).ToList();
            var rows = (await after.QueryAsync<(string Text, string Language)>("SELECT text, language FROM hello_greeting")).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(journal, Is.EqualTo(new[] { "hello/0001_greetings.sql", "hello/0002_language.sql" }));
                Assert.That(rows, Is.EqualTo(new[] { ("Kept", "en") }));
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private sealed record PluginView(string Id, bool Enabled, string? Problem);
}
