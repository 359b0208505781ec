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
    // The same rows ListNotifications shows: unread, of posts and threads still visible.
    private const string CountSql = """
        SELECT count(*) FROM forum_notification n
        JOIN forum_post p ON p.id = n.post_id
        JOIN forum_thread t ON t.id = p.thread_id
        WHERE n.account_id = @AccountId AND n.read_at IS NULL
          AND p.deleted_at IS NULL AND p.is_hidden = 0 AND t.deleted_at IS NULL AND t.is_hidden = 0
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
