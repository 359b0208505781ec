using System.Collections.Concurrent;
using Dapper;
using ECampus.Sdk;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// Each person's count of unread forum notifications, for the badge every page's nav shows. Pages are served thousands
/// of times a second, so the count is read once per person and kept until a write changes it: a new post forgets its
/// notified people, reading a thread forgets the reader, hiding or deleting forgets everyone. A count read while a
/// write was forgetting is served but not kept, so a slow read never stores a number older than the write.
/// </summary>
public sealed class ForumUnreadCounts(IDatabase database)
{
    // The same rows ListNotifications shows: unread, of posts and threads still visible (moderation keeps `hidden`).
    private const string CountSql =
        "SELECT count(*) FROM forum_notification WHERE account_id = @AccountId AND read_at IS NULL AND hidden = 0";

    // The same count for many people at once: a post to a thread followed by hundreds pushes each of them their count.
    private const string CountManySql = """
        SELECT account_id, count(*) FROM forum_notification
        WHERE account_id IN (SELECT value FROM json_each(@AccountIds)) AND read_at IS NULL AND hidden = 0
        GROUP BY account_id
        """;

    private readonly ConcurrentDictionary<long, long> _counts = new();
    private long _forgets;

    public async ValueTask<long> GetAsync(long accountId, CancellationToken cancellationToken)
    {
        if (_counts.TryGetValue(accountId, out var count))
        {
            return count;
        }

        var forgetsBefore = Interlocked.Read(ref _forgets);
        count = await database.ReadAsync(connection => connection.ExecuteScalarAsync<long>(
            new CommandDefinition(CountSql, new { AccountId = accountId }, cancellationToken: cancellationToken)), cancellationToken);
        if (Interlocked.Read(ref _forgets) == forgetsBefore)
        {
            _counts.TryAdd(accountId, count);
        }

        return count;
    }

    /// <summary>The counts of several people: those kept, and the others in one read.</summary>
    public async ValueTask<IReadOnlyDictionary<long, long>> GetManyAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var counts = new Dictionary<long, long>(accountIds.Count);
        var missing = new List<long>();
        foreach (var accountId in accountIds)
        {
            if (_counts.TryGetValue(accountId, out var count))
            {
                counts[accountId] = count;
            }
            else
            {
                missing.Add(accountId);
            }
        }

        if (missing.Count == 0)
        {
            return counts;
        }

        var forgetsBefore = Interlocked.Read(ref _forgets);
        var read = (await database.ReadAsync(connection => connection.QueryAsync<(long AccountId, long Count)>(new CommandDefinition(
            CountManySql, new { AccountIds = System.Text.Json.JsonSerializer.Serialize(missing) }, cancellationToken: cancellationToken)), cancellationToken))
            .ToDictionary(r => r.AccountId, r => r.Count);
        var keep = Interlocked.Read(ref _forgets) == forgetsBefore;
        foreach (var accountId in missing)
        {
            counts[accountId] = read.GetValueOrDefault(accountId);
            if (keep)
            {
                _counts.TryAdd(accountId, counts[accountId]);
            }
        }

        return counts;
    }

    public void Forget(IEnumerable<long> accountIds)
    {
        Interlocked.Increment(ref _forgets);
        foreach (var accountId in accountIds)
        {
            _counts.TryRemove(accountId, out _);
        }
    }

    public void ForgetEveryone()
    {
        Interlocked.Increment(ref _forgets);
        _counts.Clear();
    }
}
