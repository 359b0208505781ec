namespace ECampus.Engine.Tests.Plugins;

/// <summary>The plug-ins the host tests drop into a site: one that works, and one for each way a plug-in can go wrong.</summary>
public static class TestPlugins
{
    public const string HelloMigration = """
        CREATE TABLE hello_greeting (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
        CREATE TABLE hello_welcome (account_id INTEGER PRIMARY KEY, registered_at TEXT NOT NULL);
        CREATE TABLE hello_start (id INTEGER PRIMARY KEY);
        """;

    public const string HelloSource = """
        public sealed class HelloPlugin : IEcampusPlugin
        {
            public PluginManifest Manifest { get; } = new("hello", "Hello", new Version(1, 0, 0), new Version(0, 1, 0));

            public void ConfigureServices(PluginServices services)
            {
                services.AddEventHandler<AccountRegistered, WelcomeNewAccount>();
                services.Services.AddHostedService<RecordStart>();
            }

            public void MapEndpoints(IEndpointRouteBuilder endpoints)
            {
                endpoints.MapPost("/api/hello/greetings", async (Greeting greeting, IDatabase database, CancellationToken cancellationToken) =>
                {
                    var id = await database.WriteAsync((connection, transaction) => connection.ExecuteScalarAsync<long>(
                        "INSERT INTO hello_greeting (text) VALUES (@Text) RETURNING id", greeting, transaction), cancellationToken);
                    return Results.Ok(new { id });
                });
                endpoints.MapGet("/api/hello/greetings", async (IDatabase database, CancellationToken cancellationToken) =>
                    Results.Ok(await database.ReadAsync(async connection =>
                        (await connection.QueryAsync<string>("SELECT text FROM hello_greeting ORDER BY id")).ToList(), cancellationToken)));
            }
        }

        public sealed record Greeting(string Text);

        public sealed class RecordStart(IDatabase database) : Microsoft.Extensions.Hosting.IHostedService
        {
            public Task StartAsync(CancellationToken cancellationToken) =>
                database.WriteAsync((connection, transaction) => connection.ExecuteAsync("INSERT INTO hello_start DEFAULT VALUES", transaction: transaction), cancellationToken);

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }

        public sealed class WelcomeNewAccount(IDatabase database) : IEngineEventHandler<AccountRegistered>
        {
            public async ValueTask HandleAsync(AccountRegistered registered, CancellationToken cancellationToken) =>
                await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
                    "INSERT INTO hello_welcome (account_id, registered_at) VALUES (@AccountId, @At)", registered, transaction), cancellationToken);
        }
        """;

    /// <summary>Hello 1.1: the same plug-in with a second migration.</summary>
    public const string HelloUpgradeMigration = "ALTER TABLE hello_greeting ADD COLUMN language TEXT NOT NULL DEFAULT 'en';";

    public static string HelloUpgradeSource => HelloSource.Replace("new Version(1, 0, 0)", "new Version(1, 1, 0)", StringComparison.Ordinal);

    public static IReadOnlyDictionary<string, string> HelloMigrations { get; } = new Dictionary<string, string> { ["0001_greetings.sql"] = HelloMigration };

    public static IReadOnlyDictionary<string, string> HelloUpgradeMigrations { get; } = new Dictionary<string, string>
    {
        ["0001_greetings.sql"] = HelloMigration,
        ["0002_language.sql"] = HelloUpgradeMigration,
    };

    /// <summary>A plug-in (class <c>{name}Plugin</c>) whose members do what the fragments say.</summary>
    public static string Plugin(
        string name, string manifest, string configure = "", string map = "", string start = "return ValueTask.CompletedTask;",
        string constructor = "", string extra = "", string commands = "") => $$"""
        public sealed class {{name}}Plugin : IEcampusPlugin
        {
            public {{name}}Plugin() { {{constructor}} }

            public PluginManifest Manifest { get; } = {{manifest}};

            public void ConfigureServices(PluginServices services) { {{configure}} }

            public void MapEndpoints(IEndpointRouteBuilder endpoints) { {{map}} }

            public ValueTask StartAsync(IServiceProvider services, CancellationToken cancellationToken) { {{start}} }

            public System.Collections.Generic.IEnumerable<System.CommandLine.Command> CreateCommands() { {{(commands.Length == 0 ? "return [];" : commands)}} }
        }

        {{extra}}
        """;

    public static string Manifest(string id, string minimumEngine = "0.1.0", string extra = "") =>
        $"""new("{id}", "{id}", new Version(1, 0, 0), Version.Parse("{minimumEngine}")) {extra}""";
}
