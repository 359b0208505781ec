using Dapper;
using ECampus.Engine.Data;
using ECampus.Sdk;

namespace ECampus.Engine.Tests.Data;

/// <summary>Caches learn which rows a write changed, only once it committed, and before the writer gets its receipt.</summary>
public sealed class RowChangesTests
{
    private const string InsertAccount = """
        INSERT INTO account (email, email_normalized, display_name, password_hash, status, created_at)
        VALUES (@Email, @Email, 'Someone', 'x', 'active', '2026-11-23T10:00:00.000Z') RETURNING id
        """;

    private EngineStorage _storage = null!;
    private List<RowChange> _published = null!;

    [SetUp]
    public async Task CreateStorage()
    {
        _storage = await EngineStorage.CreateAsync();
        _published = [];
        _storage.RowChanges.Watch(["account"], changes => _published.AddRange(changes));
    }

    [TearDown]
    public async Task RemoveStorage() => await _storage.DisposeAsync();

    [Test]
    public async Task CommittedWrite_PublishesEachChangedRowOfAWatchedTable_BeforeTheWriterReturns()
    {
        IDatabase database = _storage.Database;

        var id = await database.WriteAsync(async (connection, transaction) =>
        {
            var inserted = await connection.ExecuteScalarAsync<long>(InsertAccount, new { Email = "a@example.org" }, transaction);
            await connection.ExecuteAsync("UPDATE account SET display_name = 'Renamed' WHERE id = @Id", new { Id = inserted }, transaction);
            await connection.ExecuteAsync(
                "INSERT INTO site_setting (key, value, updated_at) VALUES ('k', 'v', 'now')", transaction: transaction);
            Assert.That(_published, Is.Empty, "published before the commit");
            return inserted;
        }, CancellationToken.None);

        Assert.That(_published, Is.EqualTo(new[] { new RowChange("account", id), new RowChange("account", id) }),
            "an unwatched table was reported, or a watched change was missed");
    }

    [Test]
    public void RolledBackWrite_PublishesNothing()
    {
        IDatabase database = _storage.Database;

        Assert.ThrowsAsync<InvalidOperationException>(() => database.WriteAsync<long>(async (connection, transaction) =>
        {
            await connection.ExecuteScalarAsync<long>(InsertAccount, new { Email = "b@example.org" }, transaction);
            throw new InvalidOperationException("the use case changed its mind");
        }, CancellationToken.None));

        Assert.That(_published, Is.Empty);
    }

    [Test]
    public async Task ConnectionReusedForAReadAfterAWrite_ReportsNothingFurther()
    {
        IDatabase database = _storage.Database;
        await database.WriteAsync((connection, transaction) =>
            connection.ExecuteScalarAsync<long>(InsertAccount, new { Email = "c@example.org" }, transaction), CancellationToken.None);
        _published.Clear();

        await using (var other = _storage.Open())
        {
            await other.ExecuteAsync("UPDATE account SET display_name = 'Elsewhere'");
        }

        await database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync("INSERT INTO site_setting (key, value, updated_at) VALUES ('k2', 'v', 'now')", transaction: transaction), CancellationToken.None);
        Assert.That(_published, Is.Empty, "a write to another table, or another process's write, was reported as this process's change");
    }
}
