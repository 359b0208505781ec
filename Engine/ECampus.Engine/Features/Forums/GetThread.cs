using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// A thread with its posts in order (replies after their parent). Hidden and deleted posts keep their place but lose
/// their text, except for moderators. Reading marks the thread and its notifications read (a write only when there is
/// something new).
/// </summary>
public sealed record GetThread(long ThreadId) : IQuery<ThreadPage>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed record ThreadPage(
    long Id, long ForumId, string ForumTitle, string? CourseId, long? CommunityId, string Title, bool IsPinned, bool IsLocked, bool IsHidden, bool IsDeleted,
    bool CanPost, bool CanReply, bool CanModerate, bool Subscribed, IReadOnlyList<PostView> Posts);

public sealed class PostView
{
    public long Id { get; init; }
    public long? ParentId { get; init; }
    public long? QuotePostId { get; init; }
    public long AuthorId { get; init; }
    public string AuthorName { get; init; } = "";
    public string Html { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? EditedAt { get; init; }
    public bool IsHidden { get; init; }
    public bool IsDeleted { get; init; }
    public string? DeleteReason { get; set; }
    public bool CanEdit { get; set; }
}

public sealed class GetThreadHandler(IDatabase database, ForumAccess access, ICurrentActor current, IOptions<ForumOptions> options, TimeProvider time)
    : IQueryHandler<GetThread, ThreadPage>
{
    public async ValueTask<ThreadPage> Handle(GetThread query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var accountId = actor.AccountId ?? 0;
        var now = SiteClock.Now(time);
        var (page, lastRead) = await database.ReadAsync(async connection =>
        {
            var (grant, thread) = await access.RequireThreadAsync(connection, actor, query.ThreadId, cancellationToken);
            var posts = (await connection.QueryAsync<PostView>(new CommandDefinition("""
                SELECT p.id, p.parent_id, p.quote_post_id, p.author_id, a.display_name AS AuthorName, p.body_html AS Html, p.created_at, p.edited_at,
                       p.is_hidden, p.deleted_at IS NOT NULL AS IsDeleted, p.delete_reason
                FROM forum_post p JOIN account a ON a.id = p.author_id
                WHERE p.thread_id = @ThreadId
                ORDER BY coalesce(p.parent_id, p.id), p.id
                """, new { query.ThreadId }, cancellationToken: cancellationToken))).ToList();
            var open = !thread.IsLocked && !thread.IsHidden && thread.DeletedAt is null;
            foreach (var post in posts)
            {
                if ((post.IsHidden || post.IsDeleted) && !grant.CanModerate)
                {
                    post.Html = "";
                    post.DeleteReason = null;
                }

                post.CanEdit = open && !post.IsDeleted && post.AuthorId == accountId && now - post.CreatedAt <= options.Value.EditWindow;
            }

            var subscribed = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM forum_thread_subscription WHERE account_id = @AccountId AND thread_id = @ThreadId",
                new { AccountId = accountId, query.ThreadId }, cancellationToken: cancellationToken)) > 0;
            var lastRead = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT last_read_post_id FROM forum_read WHERE account_id = @AccountId AND thread_id = @ThreadId",
                new { AccountId = accountId, query.ThreadId }, cancellationToken: cancellationToken)) ?? 0;
            var forum = grant.Forum;
            return (new ThreadPage(
                thread.Id, forum.Id, forum.Title, forum.CourseId, forum.CommunityId, thread.Title, thread.IsPinned, thread.IsLocked, thread.IsHidden, thread.DeletedAt is not null,
                grant.CanPost, grant.CanPost && open, grant.CanModerate, subscribed, posts), lastRead);
        }, cancellationToken);

        var newest = page.Posts.Count == 0 ? 0 : page.Posts.Max(p => p.Id);
        if (newest > lastRead)
        {
            await database.WriteAsync(async (connection, transaction) =>
            {
                await ForumPosting.MarkReadAsync(connection, transaction, accountId, page.Id, newest);
                await connection.ExecuteAsync("""
                    UPDATE forum_notification SET read_at = @Now
                    WHERE account_id = @AccountId AND read_at IS NULL AND post_id IN (SELECT id FROM forum_post WHERE thread_id = @ThreadId)
                    """, new { Now = now, AccountId = accountId, ThreadId = page.Id }, transaction);
                return 0;
            }, cancellationToken);
        }

        return page;
    }
}
