using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>A forum's threads, pinned first then by latest post, with the caller's unread markers. Moderators also see hidden threads.</summary>
public sealed record ListThreads(long ForumId) : IQuery<ForumPage>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed record ForumPage(long Id, string Kind, string Title, string? CourseId, string? ModuleId, long? CommunityId, bool CanPost, bool CanModerate, bool Subscribed, IReadOnlyList<ThreadSummary> Threads);

public sealed class ThreadSummary
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string AuthorName { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastPostAt { get; init; }
    public long Replies { get; init; }
    public bool IsPinned { get; init; }
    public bool IsLocked { get; init; }
    public bool IsHidden { get; init; }
    public bool Unread { get; init; }
}

public sealed class ListThreadsHandler(IDatabase database, ForumAccess access, ICurrentActor current) : IQueryHandler<ListThreads, ForumPage>
{
    public async ValueTask<ForumPage> Handle(ListThreads query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        return await database.ReadAsync(async connection =>
        {
            var grant = await access.RequireForumAsync(connection, actor, query.ForumId, cancellationToken);
            var threads = (await connection.QueryAsync<ThreadSummary>(new CommandDefinition("""
                SELECT t.id, t.title, a.display_name AS AuthorName, t.created_at, t.last_post_at, t.reply_count AS Replies,
                       t.is_pinned, t.is_locked, t.is_hidden, coalesce(r.last_read_post_id, 0) < t.last_post_id AS Unread
                FROM forum_thread t
                JOIN account a ON a.id = t.author_id
                LEFT JOIN forum_read r ON r.thread_id = t.id AND r.account_id = @AccountId
                WHERE t.forum_id = @ForumId AND t.deleted_at IS NULL AND (t.is_hidden = 0 OR @Moderator)
                ORDER BY t.is_pinned DESC, t.last_post_at DESC, t.id DESC
                LIMIT 500
                """, new { query.ForumId, actor.AccountId, Moderator = grant.CanModerate }, cancellationToken: cancellationToken))).ToList();
            var subscribed = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM forum_subscription WHERE account_id = @AccountId AND forum_id = @ForumId",
                new { actor.AccountId, query.ForumId }, cancellationToken: cancellationToken)) > 0;
            var forum = grant.Forum;
            return new ForumPage(forum.Id, forum.Kind, forum.Title, forum.CourseId, forum.ModuleId, forum.CommunityId, grant.CanPost, grant.CanModerate, subscribed, threads);
        }, cancellationToken);
    }
}
