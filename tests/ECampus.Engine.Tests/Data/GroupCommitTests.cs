using Dapper;
using ECampus.Sdk;

namespace ECampus.Engine.Tests.Data;

/// <summary>
/// Writes that queue up while a commit is on its way to disk share the next transaction, each in a savepoint of its
/// own: one that fails is undone alone, and no write is answered before the commit that holds it.
/// </summary>
public sealed class GroupCommitTests
{
    private const string Insert = "INSERT INTO audit_event (at, action, subject) VALUES ('2026-11-23T00:00:00.000Z', 'test.group', @Subject)";

    private EngineStorage _storage = null!;

    [SetUp]
    public async Task CreateStorage() => _storage = await EngineStorage.CreateAsync();

    [TearDown]
    public async Task RemoveStorage() => await _storage.DisposeAsync();

    private IDatabase Database => _storage.Database;

    [Test]
    public async Task WritesQueuedBehindACommit_ShareOneTransaction_AndAllLand()
    {
        var (blocker, release) = await HoldTheWriterAsync();
        var transactions = new System.Collections.Concurrent.ConcurrentBag<object>();
        var writes = Enumerable.Range(0, 50).Select(i => Database.WriteAsync(async (connection, transaction) =>
        {
            transactions.Add(transaction);
            return await connection.ExecuteAsync(Insert, new { Subject = $"w{i}" }, transaction);
        }, CancellationToken.None)).ToList();

        release.SetResult();
        await blocker;
        await Task.WhenAll(writes);

        Assert.That(transactions.Distinct().Count(), Is.LessThan(5), "the queued writes were committed one by one");
        Assert.That(await CountAsync(), Is.EqualTo(51));
    }

    [Test]
    public async Task OneWriteOfTheGroupFails_OnlyItIsUndone_AndItsCallerGetsItsOwnError()
    {
        var (blocker, release) = await HoldTheWriterAsync();
        var before = Database.WriteAsync((connection, transaction) => connection.ExecuteAsync(Insert, new { Subject = "before" }, transaction), CancellationToken.None);
        var failing = Database.WriteAsync<int>(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(Insert, new { Subject = "half-done" }, transaction);
            throw new ConflictException("The learner changed their mind.");
        }, CancellationToken.None);
        var after = Database.WriteAsync((connection, transaction) => connection.ExecuteAsync(Insert, new { Subject = "after" }, transaction), CancellationToken.None);

        release.SetResult();
        await Task.WhenAll(blocker, before, after);

        var error = Assert.ThrowsAsync<ConflictException>(async () => await failing);
        Assert.That(error!.Message, Does.Contain("changed their mind"));
        Assert.That(await SubjectsAsync(), Is.EquivalentTo(new[] { "blocker", "before", "after" }), "the failed write left a row, or took others with it");
    }

    [Test]
    public async Task WriteCancelledWhileQueued_IsNeverRun()
    {
        var (blocker, release) = await HoldTheWriterAsync();
        using var cancel = new CancellationTokenSource();
        var ran = false;
        var cancelled = Database.WriteAsync((connection, transaction) =>
        {
            ran = true;
            return connection.ExecuteAsync(Insert, new { Subject = "cancelled" }, transaction);
        }, cancel.Token);

        await cancel.CancelAsync();
        release.SetResult();
        await blocker;

        Assert.CatchAsync<OperationCanceledException>(async () => await cancelled);
        Assert.That(ran, Is.False);
        Assert.That(await SubjectsAsync(), Is.EqualTo(new[] { "blocker" }));
    }

    [Test]
    public void WriteStartedInsideAWrite_IsRefused_InsteadOfWaitingForever()
    {
        var nested = Assert.ThrowsAsync<InvalidOperationException>(() => Database.WriteAsync((connection, transaction) =>
            Database.WriteAsync((inner, innerTransaction) => inner.ExecuteAsync(Insert, new { Subject = "nested" }, innerTransaction), CancellationToken.None),
            CancellationToken.None));

        Assert.That(nested!.Message, Does.Contain("cannot start another write"));
    }

    // Starts a write that waits inside the writer until released, so the writes started next queue up behind it.
    private async Task<(Task Blocker, TaskCompletionSource Release)> HoldTheWriterAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = Database.WriteAsync(async (connection, transaction) =>
        {
            var rows = await connection.ExecuteAsync(Insert, new { Subject = "blocker" }, transaction);
            started.SetResult();
            await release.Task;
            return rows;
        }, CancellationToken.None);
        await started.Task;
        return (blocker, release);
    }

    private async Task<long> CountAsync()
    {
        await using var connection = _storage.Open();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_event WHERE action = 'test.group'");
    }

    private async Task<List<string>> SubjectsAsync()
    {
        await using var connection = _storage.Open();
        return (await connection.QueryAsync<string>("SELECT subject FROM audit_event WHERE action = 'test.group' ORDER BY id")).ToList();
    }
}
