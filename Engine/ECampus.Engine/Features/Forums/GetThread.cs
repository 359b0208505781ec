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

    /// <summary>The Markdown source, for the author's edit form; empty unless <see cref="CanEdit"/>.</summary>
    public string Markdown { get; set; } = "";

    /// <summary>Earlier versions, oldest first: moderators only, empty for everyone else.</summary>
    public IReadOnlyList<PostRevision> Revisions { get; set; } = [];
}

public sealed class GetThreadHandler(
    IDatabase database, ForumAccess access, ForumUnreadCounts unread, ICurrentActor current, IEngineEvents events, IOptions<ForumOptions> options, TimeProvider time)
    : IQueryHandler<GetThread, ThreadPage>
{
    public async ValueTask<ThreadPage> Handle(GetThread query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var accountId = actor.AccountId ?? 0;
        var now = SiteClock.Now(time);
        var (page, lastRead, hasUnreadNotifications) = await database.ReadAsync(async connection =>
        {
            var (grant, thread) = await access.RequireThreadAsync(connection, actor, query.ThreadId, cancellationToken);
            var posts = (await connection.QueryAsync<PostView>(new CommandDefinition("""
                SELECT p.id, p.parent_id, p.quote_post_id, p.author_id, a.display_name AS AuthorName, p.body_html AS Html, p.created_at, p.edited_at,
                       p.is_hidden, p.deleted_at IS NOT NULL AS IsDeleted, p.delete_reason,
                       CASE WHEN p.author_id = @AccountId THEN p.body_markdown ELSE '' END AS Markdown
                FROM forum_post p JOIN account a ON a.id = p.author_id
                WHERE p.thread_id = @ThreadId
                ORDER BY coalesce(p.parent_id, p.id), p.id
                """, new { query.ThreadId, AccountId = accountId }, cancellationToken: cancellationToken))).ToList();
            var open = !thread.IsLocked && !thread.IsHidden && thread.DeletedAt is null;
            foreach (var post in posts)
            {
                if ((post.IsHidden || post.IsDeleted) && !grant.CanModerate)
                {
                    post.Html = "";
                    post.DeleteReason = null;
                }

                post.CanEdit = open && grant.CanPost && !post.IsDeleted && post.AuthorId == accountId && now - post.CreatedAt <= options.Value.EditWindow;
                if (!post.CanEdit)
                {
                    post.Markdown = "";
                }
            }

            if (grant.CanModerate && posts.Any(p => p.EditedAt is not null))
            {
                var revisions = (await connection.QueryAsync<RevisionRow>(
                    new CommandDefinition("""
                        SELECT r.post_id AS PostId, r.revision AS Revision, r.body_markdown AS BodyMarkdown, r.written_at AS WrittenAt, r.replaced_at AS ReplacedAt,
                               a.display_name AS ReplacedBy
                        FROM forum_post_revision r JOIN forum_post p ON p.id = r.post_id JOIN account a ON a.id = r.replaced_by
                        WHERE p.thread_id = @ThreadId ORDER BY r.post_id, r.revision
                        """, new { query.ThreadId }, cancellationToken: cancellationToken)))
                    .ToLookup(r => r.PostId, r => new PostRevision(r.Revision, r.BodyMarkdown, r.WrittenAt, r.ReplacedAt, r.ReplacedBy));
                foreach (var post in posts)
                {
                    post.Revisions = revisions[post.Id].ToList();
                }
            }

            var subscribed = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM forum_thread_subscription WHERE account_id = @AccountId AND thread_id = @ThreadId",
                new { AccountId = accountId, query.ThreadId }, cancellationToken: cancellationToken)) > 0;
            var lastRead = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT last_read_post_id FROM forum_read WHERE account_id = @AccountId AND thread_id = @ThreadId",
                new { AccountId = accountId, query.ThreadId }, cancellationToken: cancellationToken)) ?? 0;

            // Someone who replied without reading (the API, the hub) has read up to their own post, yet may still hold
            // notifications of posts before it.
            var hasUnreadNotifications = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
                SELECT EXISTS (SELECT 1 FROM forum_notification n JOIN forum_post p ON p.id = n.post_id
                               WHERE n.account_id = @AccountId AND n.read_at IS NULL AND p.thread_id = @ThreadId)
                """, new { AccountId = accountId, query.ThreadId }, cancellationToken: cancellationToken));
            var forum = grant.Forum;
            return (new ThreadPage(
                thread.Id, forum.Id, forum.Title, forum.CourseId, forum.CommunityId, thread.Title, thread.IsPinned, thread.IsLocked, thread.IsHidden, thread.DeletedAt is not null,
                grant.CanPost, grant.CanPost && open, grant.CanModerate, subscribed, posts), lastRead, hasUnreadNotifications);
        }, cancellationToken);

        var newest = page.Posts.Count == 0 ? 0 : page.Posts.Max(p => p.Id);
        if (newest > lastRead || hasUnreadNotifications)
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
            unread.Forget([accountId]);
            await events.PublishAsync(new ForumUnreadChanged([accountId], now), cancellationToken);
        }

        return page;
    }

    private sealed record RevisionRow(long PostId, long Revision, string BodyMarkdown, DateTimeOffset WrittenAt, DateTimeOffset ReplacedAt, string ReplacedBy);
}
