using Dapper;
using ECampus.Sdk;
using Microsoft.Data.Sqlite;

namespace ECampus.Engine.Tests.Data;

/// <summary>What every write runs with: a receipted write survives a power cut, foreign keys hold, the lock is taken up front.</summary>
public sealed class WritePathTests
{
    private EngineStorage _storage = null!;

    [SetUp]
    public async Task CreateStorage() => _storage = await EngineStorage.CreateAsync();

    [TearDown]
    public async Task RemoveStorage() => await _storage.DisposeAsync();

    [Test]
    public async Task WriteTransaction_RunsInWalMode_WithSynchronousFull_AndForeignKeys()
    {
        IDatabase database = _storage.Database;

        var (journalMode, synchronous, foreignKeys) = await database.WriteAsync(async (connection, transaction) => (
            await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode", transaction: transaction),
            await connection.ExecuteScalarAsync<long>("PRAGMA synchronous", transaction: transaction),
            await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys", transaction: transaction)), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(journalMode, Is.EqualTo("wal"));
            Assert.That(synchronous, Is.EqualTo(2), "synchronous is not FULL (2) on the write path");
            Assert.That(foreignKeys, Is.EqualTo(1), "foreign keys are off on the write path");
        });
    }

    [Test]
    public async Task WriteTransaction_HoldsTheWriteLockBeforeItsFirstStatement()
    {
        IDatabase database = _storage.Database;

        var other = await database.WriteAsync(async (_, _) =>
        {
            await using var elsewhere = new SqliteConnection($"Data Source={_storage.Database.Path};Pooling=False;Default Timeout=1");
            await elsewhere.OpenAsync();
            try
            {
                await elsewhere.ExecuteAsync("BEGIN IMMEDIATE");
                await elsewhere.ExecuteAsync("ROLLBACK");
                return "took the write lock too";
            }
            catch (SqliteException e)
            {
                return $"SQLite error {e.SqliteErrorCode}";
            }
        }, CancellationToken.None);

        Assert.That(other, Is.EqualTo("SQLite error 5"), "a second writer was not kept out (SQLITE_BUSY) by an open write transaction that has run no statement yet");
    }

    [Test]
    public async Task ForeignKeyViolation_IsRefused_AndNothingIsKept()
    {
        IDatabase database = _storage.Database;

        var refused = Assert.ThrowsAsync<SqliteException>(() => database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync("INSERT INTO account_role (account_id, role) VALUES (424242, 'admin')", transaction: transaction), CancellationToken.None));

        Assert.That(refused!.SqliteErrorCode, Is.EqualTo(19), "expected SQLITE_CONSTRAINT");
        await using var connection = _storage.Open();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account_role"), Is.Zero);
    }
}
