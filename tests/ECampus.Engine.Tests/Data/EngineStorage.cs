using ECampus.Engine.Data;
using ECampus.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Engine.Tests.Data;

/// <summary>The engine's storage without a web server: a migrated database in a folder of its own.</summary>
public sealed class EngineStorage : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsRoot;

    private EngineStorage(string root, ServiceProvider services, bool ownsRoot)
    {
        Root = root;
        _services = services;
        _ownsRoot = ownsRoot;
    }

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public SqliteDatabase Database => _services.GetRequiredService<SqliteDatabase>();

    public Migrator Migrator => _services.GetRequiredService<Migrator>();

    public RowChanges RowChanges => _services.GetRequiredService<RowChanges>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// Creates and migrates the engine's database under <c>{root}/data</c>, as a site started on <paramref name="root"/>
    /// would. Without a root, a temporary one is made and removed on disposal.
    /// </summary>
    public static async Task<EngineStorage> CreateAsync(string? root = null, Action<Dictionary<string, string?>>? configure = null)
    {
        var ownsRoot = root is null;
        root ??= Directory.CreateTempSubdirectory("ecampus-storage-").FullName;
        var settings = new Dictionary<string, string?> { ["ECampus:DataDirectory"] = Path.Combine(root, "data") };
        configure?.Invoke(settings);
        var services = new ServiceCollection()
            .AddLogging()
            .AddEcampusEngine(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        await EcampusSite.MigrateAsync(services, plugins: null, CancellationToken.None);
        return new EngineStorage(root, services, ownsRoot);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Database.Path};Pooling=False");
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsRoot)
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
