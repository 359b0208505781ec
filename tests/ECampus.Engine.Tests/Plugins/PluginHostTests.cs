using System.Net;
using System.Net.Http.Json;
using Dapper;
using ECampus.Testing;
using static ECampus.Engine.Tests.Plugins.TestPlugins;

namespace ECampus.Engine.Tests.Plugins;

/// <summary>
/// One site with a working plug-in next to one broken in each way a plug-in can break. The broken ones are disabled
/// with a reason an administrator can act on, and the site, including the working plug-in, keeps serving.
/// </summary>
public sealed class PluginHostTests
{
    private const string Admin = "admin@example.org";

    private TestSite _site = null!;
    private HttpClient _admin = null!;
    private string _adminPage = null!;

    public static IEnumerable<TestCaseData> BrokenPlugins { get; } =
    [
        new TestCaseData("ThrowsInConstructor", "It failed while being created: constructor exploded").SetName("ThrowsInConstructor_IsDisabledWithItsReason"),
        new TestCaseData("throws-in-configure", "It failed while registering its services: configure exploded").SetName("ThrowsInConfigureServices_IsDisabledWithItsReason"),
        new TestCaseData("throws-in-map", "It failed while mapping its endpoints: map exploded").SetName("ThrowsInMapEndpoints_IsDisabledWithItsReason"),
        new TestCaseData("throws-in-start", "It failed while starting: start exploded").SetName("ThrowsInStartAsync_IsDisabledWithItsReason"),
        new TestCaseData("future-engine", "It supports engine versions from 99.0 on, and this engine is 0.1.0.").SetName("NeedsNewerEngine_IsDisabledWithItsReason"),
        new TestCaseData("past-engine", "It supports engine versions from 0.0.1 below 0.1.0, and this engine is 0.1.0.").SetName("SupportsOnlyOlderEngines_IsDisabledWithItsReason"),
        new TestCaseData("squatter", "Its migrations touch tables it does not own (account_badge); a plug-in's tables must start with 'squatter_'.").SetName("MigrationCreatesUnprefixedTable_IsDisabledWithItsReason"),
        new TestCaseData("meddler", "Its migrations touch tables it does not own (account); a plug-in's tables must start with 'meddler_'.").SetName("MigrationUpdatesEngineTable_IsDisabledWithItsReason"),
        new TestCaseData("broken-migration", "Migration broken-migration/0001_half.sql failed: SQLite Error 1: 'no such table: broken_migration_missing'.").SetName("MigrationFails_IsDisabledWithItsReason"),
        new TestCaseData("Hollow", "The folder has no Hollow.dll; a plug-in folder holds an assembly named after the folder.").SetName("FolderWithoutAssembly_IsDisabledWithItsReason"),
        new TestCaseData("Garbage", "Garbage.dll could not be loaded").SetName("AssemblyThatIsNotDotNet_IsDisabledWithItsReason"),
        new TestCaseData("needs-ghost", "It needs the plug-in(s) ghost, which are not enabled.").SetName("MissingDependency_IsDisabledWithItsReason"),
        new TestCaseData("dependent", "It needs the plug-in(s) throws-in-configure, which are not enabled.").SetName("DependencyDisabledWhileStarting_DisablesItsDependent"),
    ];

    [OneTimeSetUp]
    public async Task StartSiteWithPlugins()
    {
        var root = Directory.CreateTempSubdirectory("ecampus-plugins-").FullName;
        var plugins = Path.Combine(root, "plugins");
        PluginCompiler.Install(plugins, "Hello", HelloSource, HelloMigrations);
        PluginCompiler.Install(plugins, "ThrowsInConstructor", Plugin("ThrowsInConstructor", Manifest("throws-in-constructor"),
            constructor: """throw new InvalidOperationException("constructor exploded");"""));
        PluginCompiler.Install(plugins, "ThrowsInConfigure", Plugin("ThrowsInConfigure", Manifest("throws-in-configure"),
            configure: """throw new InvalidOperationException("configure exploded");""",
            map: """endpoints.MapGet("/api/throws-in-configure/ping", () => "pong");"""));
        PluginCompiler.Install(plugins, "ThrowsInMap", Plugin("ThrowsInMap", Manifest("throws-in-map"),
            map: """endpoints.MapGet("/api/throws-in-map/ping", () => "pong"); throw new InvalidOperationException("map exploded");"""));
        PluginCompiler.Install(plugins, "ThrowsInStart", Plugin("ThrowsInStart", Manifest("throws-in-start"),
            configure: "services.AddEventHandler<AccountRegistered, SeeRegistration>(); services.Services.AddHostedService<SeeStart>();",
            map: """
                endpoints.MapGet("/api/throws-in-start/ping", () => "pong");
                endpoints.Map("/api/throws-in-start/raw", (HttpContext context) => context.Response.WriteAsync("raw"));
                """,
            start: """throw new InvalidOperationException("start exploded");""",
            extra: """
                public sealed class SeeRegistration(IDatabase database) : IEngineEventHandler<AccountRegistered>
                {
                    public async ValueTask HandleAsync(AccountRegistered registered, CancellationToken cancellationToken) =>
                        await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
                            "INSERT INTO throws_in_start_seen (account_id) VALUES (@AccountId)", registered, transaction), cancellationToken);
                }

                public sealed class SeeStart(IDatabase database) : Microsoft.Extensions.Hosting.IHostedService
                {
                    public Task StartAsync(CancellationToken cancellationToken) => database.WriteAsync((connection, transaction) =>
                        connection.ExecuteAsync("INSERT INTO throws_in_start_seen (account_id) VALUES (0)", transaction: transaction), cancellationToken);

                    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                }
                """),
            new Dictionary<string, string> { ["0001_seen.sql"] = "CREATE TABLE throws_in_start_seen (account_id INTEGER NOT NULL);" });
        PluginCompiler.Install(plugins, "FutureEngine", Plugin("FutureEngine", Manifest("future-engine", minimumEngine: "99.0")));
        PluginCompiler.Install(plugins, "PastEngine", Plugin("PastEngine", Manifest("past-engine", minimumEngine: "0.0.1", extra: "{ EngineVersionBelow = new Version(0, 1, 0) }")));
        PluginCompiler.Install(plugins, "Squatter", Plugin("Squatter", Manifest("squatter")),
            new Dictionary<string, string> { ["0001_badges.sql"] = "CREATE TABLE squatter_badge (id INTEGER PRIMARY KEY);\nCREATE TABLE account_badge (account_id INTEGER);" });
        PluginCompiler.Install(plugins, "Meddler", Plugin("Meddler", Manifest("meddler")),
            new Dictionary<string, string> { ["0001_notes.sql"] = "CREATE TABLE meddler_note (id INTEGER PRIMARY KEY);\nUPDATE account SET display_name = 'meddled';" });
        PluginCompiler.Install(plugins, "BrokenMigration", Plugin("BrokenMigration", Manifest("broken-migration")),
            new Dictionary<string, string>
            {
                ["0001_half.sql"] = """
                    CREATE TABLE broken_migration_first (id INTEGER PRIMARY KEY);
                    INSERT INTO broken_migration_first (id) VALUES (1);
                    INSERT INTO broken_migration_missing (id) VALUES (1);
                    """,
            });
        Directory.CreateDirectory(Path.Combine(plugins, "Hollow"));
        await File.WriteAllTextAsync(Path.Combine(plugins, "Hollow", "README.txt"), "The assembly was forgotten.");
        Directory.CreateDirectory(Path.Combine(plugins, "Garbage"));
        await File.WriteAllTextAsync(Path.Combine(plugins, "Garbage", "Garbage.dll"), "This is not an assembly.");
        PluginCompiler.Install(plugins, "NeedsGhost", Plugin("NeedsGhost", Manifest("needs-ghost", extra: """{ Dependencies = ["ghost"] }""")));
        PluginCompiler.Install(plugins, "Dependent", Plugin("Dependent", Manifest("dependent", extra: """{ Dependencies = ["throws-in-configure"] }""")));

        _site = await TestSite.StartAsync(root: root);
        await _site.CreateAccountAsync(Admin, "Admin", TestSite.StrongPassword, "admin");
        _admin = await _site.ApiClientAsync(Admin);
        using var browser = await _site.BrowserClientAsync(Admin);
        _adminPage = WebUtility.HtmlDecode(await browser.GetStringAsync("/admin/plugins"));
    }

    [OneTimeTearDown]
    public async Task StopSite()
    {
        _admin?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    [Test]
    public async Task WorkingPlugin_IsListedEnabled()
    {
        var hello = (await ListedAsync()).Single(p => p.Id == "hello");
        var row = System.Text.RegularExpressions.Regex.Match(_adminPage, "<code>hello</code>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Multiple(() =>
        {
            Assert.That(row.Success, Is.True, "hello is not on /admin/plugins");
            Assert.That(row.Groups[1].Value, Does.Contain(">enabled<").And.Not.Contain("disabled"), "hello is not shown enabled on /admin/plugins");
            Assert.That(hello.Enabled, Is.True, $"hello is disabled: {hello.Problem}");
            Assert.That(hello.Problem, Is.Null);
            Assert.That(hello.Name, Is.EqualTo("Hello"));
            Assert.That(hello.Version, Is.EqualTo("1.0.0"));
        });
    }

    [Test]
    public async Task WorkingPlugin_WritesAndReadsItsOwnTable_ThroughTheDatabase()
    {
        using var client = await _site.ApiClientAsync(Admin);
        var posted = await client.PostAsJsonAsync("/api/hello/greetings", new { text = "Habari" });
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await posted.Content.ReadAsStringAsync());

        var greetings = await client.GetFromJsonAsync<List<string>>("/api/hello/greetings");
        Assert.That(greetings, Does.Contain("Habari"));
        await using var connection = _site.Open();
        Assert.That(await connection.QueryAsync<string>("SELECT text FROM hello_greeting"), Does.Contain("Habari"), "the greeting is not in the plug-in's table");
    }

    [Test]
    public async Task WorkingPluginEndpoints_Answer401_ToAnonymousCallers()
    {
        using var anonymous = _site.Client();
        var read = await anonymous.GetAsync("/api/hello/greetings");
        var write = await anonymous.PostAsJsonAsync("/api/hello/greetings", new { text = "sneaky" });

        Assert.Multiple(() =>
        {
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
        await using var connection = _site.Open();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM hello_greeting WHERE text = 'sneaky'"), Is.Zero);
    }

    [Test]
    public async Task WorkingPlugin_ReceivesAccountRegistered()
    {
        using var anonymous = _site.Client();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = "welcome@example.org", password = TestSite.StrongPassword, displayName = "Wanjiru" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var accountId = (await response.Content.ReadFromJsonAsync<Registered>())!.AccountId;

        await using var connection = _site.Open();
        var welcomed = await connection.QuerySingleOrDefaultAsync<string>("SELECT registered_at FROM hello_welcome WHERE account_id = @accountId", new { accountId });
        var createdAt = await connection.QuerySingleAsync<string>("SELECT created_at FROM account WHERE id = @accountId", new { accountId });
        Assert.That(welcomed, Is.EqualTo(createdAt), "hello's AccountRegistered handler did not record the new account with the event's time");
    }

    [TestCaseSource(nameof(BrokenPlugins))]
    public async Task BrokenPlugin_IsDisabledWithItsReason(string id, string reason)
    {
        var listed = (await ListedAsync()).SingleOrDefault(p => p.Id == id);
        Assert.That(listed, Is.Not.Null, $"{id} is not listed by GET /api/v1/admin/plugins");
        Assert.Multiple(() =>
        {
            Assert.That(listed!.Enabled, Is.False, $"{id} is enabled");
            Assert.That(listed.Problem, Does.StartWith(reason));
        });

        Assert.That(_adminPage, Does.Contain(reason), "the reason is not on /admin/plugins");
    }

    [Test]
    public async Task SiteWithBrokenPlugins_KeepsServing()
    {
        using var anonymous = _site.Client();
        var health = await anonymous.GetAsync("/healthz");
        using var browser = await _site.BrowserClientAsync(Admin);
        var home = await browser.GetAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [TestCase("/api/throws-in-start/ping")]
    [TestCase("/api/throws-in-start/raw")]
    [TestCase("/api/throws-in-map/ping")]
    public async Task EndpointOfPluginDisabledAfterMapping_Answers503WithTheReason(string path)
    {
        var response = await _admin.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await response.Content.ReadAsStringAsync());
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("exploded"));
    }

    [Test]
    public async Task EndpointOfPluginDisabledBeforeMapping_IsNotThere()
    {
        var response = await _admin.GetAsync("/api/throws-in-configure/ping");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task PluginThatFailedToStart_NeitherHandlesEventsNorRunsItsHostedService()
    {
        using var anonymous = _site.Client();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = "unseen@example.org", password = TestSite.StrongPassword, displayName = "Unseen" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());

        await using var connection = _site.Open();
        var seen = (await connection.QueryAsync<long>("SELECT account_id FROM throws_in_start_seen")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(seen, Has.None.Not.EqualTo(0L), "the disabled plug-in throws-in-start still handled AccountRegistered");
            Assert.That(seen, Has.None.EqualTo(0L), "the disabled plug-in throws-in-start still had its hosted service started");
        });
    }

    [Test]
    public async Task WorkingPlugin_HasItsHostedServiceStarted()
    {
        await using var connection = _site.Open();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM hello_start"), Is.EqualTo(1));
    }

    [Test]
    public async Task RefusedMigrations_LeaveNoTrace()
    {
        await using var connection = _site.Open();
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToList();
        var journal = (await connection.QueryAsync<string>("SELECT ScriptName FROM schema_version")).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(tables, Has.None.StartsWith("squatter_").And.None.StartsWith("meddler_").And.None.StartsWith("broken_migration_").And.None.EqualTo("account_badge"));
            Assert.That(journal, Has.None.StartsWith("squatter/").And.None.StartsWith("meddler/").And.None.StartsWith("broken-migration/"));
            Assert.That(journal, Does.Contain("hello/0001_greetings.sql"));
        });
    }

    private async Task<List<PluginView>> ListedAsync()
    {
        var response = await _admin.GetAsync("/api/v1/admin/plugins");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<List<PluginView>>())!;
    }

    private sealed record PluginView(string Id, string Name, string? Version, bool Enabled, string? Problem, string Source);

    private sealed record Registered(long AccountId, string Status);
}
