using System.Data.Common;
using ECampus.Sdk;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Data;

/// <summary>
/// SQLite in WAL mode. Reads use a pool of plain connections and run concurrently; writes are serialised through
/// one gate inside the process and take the write lock up front (BEGIN IMMEDIATE), so a transaction never fails
/// half-way on a read-to-write upgrade, and each commit is durable (synchronous=FULL by default) before it returns.
/// </summary>
public sealed class SqliteDatabase : IDatabase, IDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _readConnectionString;
    private readonly string _writeConnectionString;
    private readonly string _synchronous;
    private readonly TimeSpan _busyTimeout;
    private readonly long? _maxDatabaseBytes;
    private readonly StorageHealth _health;
    private readonly RowChanges _rowChanges;

    static SqliteDatabase()
    {
        // SQLite counts every allocation under one process-wide mutex unless told not to, and concurrent readers queue
        // on it: turning the count off took six-statement reads from 10,000 to 14,900 a second on two cores. It must
        // be set before the first connection opens; later it is refused (SQLITE_MISUSE) and nothing else changes.
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }

    public SqliteDatabase(IOptions<EcampusOptions> options, StorageHealth health, RowChanges rowChanges)
    {
        var settings = options.Value;
        Path = settings.ResolveDatabasePath();
        _busyTimeout = TimeSpan.FromSeconds(settings.BusyTimeoutSeconds);
        _synchronous = settings.Synchronous;
        _maxDatabaseBytes = settings.MaxDatabaseSizeMegabytes * 1024L * 1024L;
        _health = health;
        _rowChanges = rowChanges;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = settings.BusyTimeoutSeconds,
        };
        _readConnectionString = builder.ToString();
        builder.ForeignKeys = true;
        _writeConnectionString = builder.ToString();
    }

    public string Dialect => "sqlite";

    public string Path { get; }

    public string WriteConnectionString => _writeConnectionString;

    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(_readConnectionString);
            await connection.OpenAsync(cancellationToken);
            return await work(connection);
        }
        catch (SqliteException e) when (StorageErrors.Translate(e) is { } problem)
        {
            throw problem;
        }
    }

    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        if (!await _writeGate.WaitAsync(_busyTimeout, cancellationToken))
        {
            throw StorageErrors.Busy();
        }

        try
        {
            await using var connection = await OpenForWriteAsync(cancellationToken);
            using var changes = _rowChanges.Record(connection);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            _health.WriteSucceeded();
            changes.Publish();
            return result;
        }
        catch (SqliteException e) when (StorageErrors.Translate(e) is { } problem)
        {
            _health.WriteFailed(problem);
            throw problem;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>A connection with the durability and integrity settings every write needs.</summary>
    public async Task<SqliteConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_writeConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA synchronous={_synchronous};";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            if (_maxDatabaseBytes is { } maxBytes)
            {
                pragma.CommandText = "PRAGMA page_size;";
                var pageSize = (long)(await pragma.ExecuteScalarAsync(cancellationToken))!;
                pragma.CommandText = $"PRAGMA max_page_count={Math.Max(1, maxBytes / pageSize)};";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _writeGate.Dispose();
}
