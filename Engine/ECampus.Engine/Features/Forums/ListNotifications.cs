using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>The caller's forum notifications, newest first, and how many are unread.</summary>
public sealed record ListNotifications : IQuery<ForumNotifications>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed record ForumNotifications(long Unread, IReadOnlyList<ForumNotification> Items);

public sealed class ForumNotification
{
    public long PostId { get; init; }
    public long ThreadId { get; init; }
    public string ThreadTitle { get; init; } = "";
    public string ForumTitle { get; init; } = "";
    public string AuthorName { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public bool IsRead { get; init; }
}

public sealed class ListNotificationsHandler(IDatabase database, ForumUnreadCounts unread, ICurrentActor current) : IQueryHandler<ListNotifications, ForumNotifications>
{
    public async ValueTask<ForumNotifications> Handle(ListNotifications query, CancellationToken cancellationToken)
    {
        var accountId = current.Actor.AccountId!.Value;
        var items = await database.ReadAsync<IReadOnlyList<ForumNotification>>(async connection => (await connection.QueryAsync<ForumNotification>(new CommandDefinition("""
            SELECT n.post_id, t.id AS ThreadId, t.title AS ThreadTitle, f.title AS ForumTitle, a.display_name AS AuthorName, n.created_at, n.read_at IS NOT NULL AS IsRead
            FROM forum_notification n
            JOIN forum_post p ON p.id = n.post_id
            JOIN forum_thread t ON t.id = p.thread_id
            JOIN forum f ON f.id = t.forum_id
            JOIN account a ON a.id = p.author_id
            WHERE n.account_id = @AccountId AND p.deleted_at IS NULL AND p.is_hidden = 0 AND t.deleted_at IS NULL AND t.is_hidden = 0
            ORDER BY n.id DESC LIMIT 50
            """, new { AccountId = accountId }, cancellationToken: cancellationToken))).ToList(), cancellationToken);
        return new ForumNotifications(await unread.GetAsync(accountId, cancellationToken), items);
    }
}
