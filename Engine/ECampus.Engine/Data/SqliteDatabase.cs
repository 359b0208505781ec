using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using ECampus.Sdk;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace ECampus.Engine.Data;

/// <summary>
/// SQLite in WAL mode. Reads use a pool of plain connections and run concurrently. Writes go to one writer inside the
/// process, which takes the write lock up front (BEGIN IMMEDIATE, so a transaction never fails half-way on a
/// read-to-write upgrade) and commits durably (synchronous=FULL by default) before any write is answered. Writes that
/// arrive while a commit is on its way to disk are committed together in the next transaction, each in a savepoint of
/// its own (group commit): one flush serves many writes, and a write that fails is rolled back alone.
/// </summary>
public sealed class SqliteDatabase : IDatabase, IDisposable
{
    private const int MaxWritesPerCommit = 128;
    private const string Savepoint = "write";

    private static readonly AsyncLocal<bool> InsideWrite = new();

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private SqliteConnection? _writeConnection;
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
        Batteries_V2.Init();
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
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
        _writer = Task.Run(WriteLoopAsync);
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
        ArgumentNullException.ThrowIfNull(work);
        if (InsideWrite.Value)
        {
            // It would wait for the writer, which waits for it.
            throw new InvalidOperationException("A write cannot start another write: use the connection and transaction it was given.");
        }

        var write = new PendingWrite<T>(work, Stopwatch.GetTimestamp() + (long)(_busyTimeout.TotalSeconds * Stopwatch.Frequency));
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteDatabase));
        }

        await using var cancellation = cancellationToken.Register(() => write.Abandon(cancellationToken));
        return await write.Result;
    }

    // The one writer: takes every write queued while the last commit was on disk and commits them together, each in a
    // savepoint of its own, so one failing write is rolled back alone. No write is answered before its commit.
    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxWritesPerCommit);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var now = Stopwatch.GetTimestamp();
            while (batch.Count < MaxWritesPerCommit && _queue.Reader.TryRead(out var write))
            {
                if (now > write.Deadline)
                {
                    write.Fail(StorageErrors.Busy());
                }
                else if (write.Start())
                {
                    batch.Add(write);
                }
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
            }
        }

        if (_writeConnection is not null)
        {
            await _writeConnection.DisposeAsync();
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var succeeded = new List<PendingWrite>(batch.Count);
        try
        {
            _writeConnection ??= await OpenForWriteAsync(CancellationToken.None);
            var connection = _writeConnection;
            using var changes = _rowChanges.Record(connection);
            await using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var write in batch)
            {
                await transaction.SaveAsync(Savepoint);
                var mark = changes.Mark;
                try
                {
                    await write.RunAsync(connection, transaction);
                    await transaction.ReleaseAsync(Savepoint);
                    succeeded.Add(write);
                }
                catch (Exception e) when (raw.sqlite3_get_autocommit(connection.Handle) == 0)
                {
                    // The transaction survived the failure: undo this write alone and go on with the others.
                    await transaction.RollbackAsync(Savepoint);
                    await transaction.ReleaseAsync(Savepoint);
                    changes.RolledBackTo(mark);
                    write.Fail(Noted(Translate(e)));
                }
            }

            await transaction.CommitAsync(CancellationToken.None);
            if (succeeded.Count > 0)
            {
                _health.WriteSucceeded();
            }

            changes.Publish();
            succeeded.ForEach(write => write.Succeed());
        }
        catch (Exception e)
        {
            // Nothing of the batch is on disk: every write not yet answered gets the failure, and the next batch starts
            // on a fresh connection in case this one is in a state nobody should build on.
            var failure = Noted(Translate(e));
            batch.ForEach(write => write.Fail(failure));
            if (_writeConnection is not null)
            {
                await _writeConnection.DisposeAsync();
                _writeConnection = null;
            }
        }
    }

    private Exception Noted(Exception failure)
    {
        if (failure is StorageUnavailableException problem)
        {
            _health.WriteFailed(problem);
        }

        return failure;
    }

    private static Exception Translate(Exception e) => e is SqliteException sqlite && StorageErrors.Translate(sqlite) is { } problem ? problem : e;

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

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
    }

    /// <summary>A write waiting for the writer: its work, when it gives up waiting, and how it ended.</summary>
    private abstract class PendingWrite(long deadline)
    {
        private const int Waiting = 0, Running = 1, Abandoned = 2;
        private readonly ExecutionContext? _caller = ExecutionContext.Capture();
        private int _state;

        public long Deadline { get; } = deadline;

        /// <summary>Claims the write for the writer; false when its caller stopped waiting first.</summary>
        public bool Start() => Interlocked.CompareExchange(ref _state, Running, Waiting) == Waiting;

        /// <summary>The caller stopped waiting; only a write that has not started can be dropped.</summary>
        public void Abandon(CancellationToken cancellationToken)
        {
            if (Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting)
            {
                Cancel(cancellationToken);
            }
        }

        /// <summary>Runs the work in its caller's execution context (ambient values such as the current request).</summary>
        public Task RunAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            if (_caller is null)
            {
                return RunWorkAsync(connection, transaction);
            }

            Task? running = null;
            ExecutionContext.Run(_caller, _ => running = RunWorkAsync(connection, transaction), null);
            return running!;
        }

        public abstract void Succeed();

        public abstract void Fail(Exception failure);

        protected abstract void Cancel(CancellationToken cancellationToken);

        protected abstract Task RunWorkAsync(SqliteConnection connection, SqliteTransaction transaction);
    }

    private sealed class PendingWrite<T>(Func<DbConnection, DbTransaction, Task<T>> work, long deadline) : PendingWrite(deadline)
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _result.Task;

        public override void Succeed() => _result.TrySetResult(_value!);

        public override void Fail(Exception failure) => _result.TrySetException(failure);

        protected override void Cancel(CancellationToken cancellationToken) => _result.TrySetCanceled(cancellationToken);

        protected override async Task RunWorkAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            InsideWrite.Value = true;
            _value = await work(connection, transaction);
        }
    }
}
