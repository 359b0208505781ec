using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// Replies in a thread, optionally to a post (a reply to a reply joins its parent: one level of nesting) and quoting
/// one. A locked thread refuses replies, whichever way they arrive (page, API, hub).
/// </summary>
public sealed record ReplyToThread(long ThreadId, string Body, long? ParentPostId = null, long? QuotePostId = null) : ICommand<long>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed class ReplyToThreadHandler(IDatabase database, ForumAccess access, IForumSearch search, ForumFollowers followers, ICurrentActor current, IEngineEvents events, IOptions<ForumOptions> options, TimeProvider time)
    : ICommandHandler<ReplyToThread, long>
{
    public async ValueTask<long> Handle(ReplyToThread command, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var body = ForumPosting.RenderBody(command.Body, limits);
        var actor = current.Actor;
        var now = SiteClock.Now(time);
        var (forumId, postId) = await database.WriteAsync(async (connection, transaction) =>
        {
            var (grant, thread) = await access.RequireThreadAsync(connection, actor, command.ThreadId, cancellationToken, transaction);
            if (!grant.CanPost)
            {
                throw new AccessDeniedException("Only members may reply here.");
            }

            if (thread.IsLocked || thread.IsHidden || thread.DeletedAt is not null)
            {
                throw new ConflictException("This thread is locked: it takes no more replies.");
            }

            var parentId = await SamePostInThreadAsync(connection, transaction, command.ParentPostId, thread.Id, "parentPostId");
            if (parentId is { } parent)
            {
                parentId = await connection.ExecuteScalarAsync<long>("SELECT coalesce(parent_id, id) FROM forum_post WHERE id = @Id", new { Id = parent }, transaction);
            }

            var quoteId = await SamePostInThreadAsync(connection, transaction, command.QuotePostId, thread.Id, "quotePostId");
            await ForumPosting.RequireWithinRateAsync(connection, transaction, actor.AccountId!.Value, now, limits);
            var postId = await ForumPosting.AddPostAsync(connection, transaction, search, thread.Id, thread.Title, parentId, quoteId, actor.AccountId.Value, body, now, isFirst: false);
            return (grant.Forum.Id, postId);
        }, cancellationToken);

        await events.PublishAsync(new ForumChanged(forumId, command.ThreadId, ForumChanges.PostAdded, postId, now), cancellationToken);
        await followers.NotifyAsync(postId, events);
        return postId;
    }

    private static async Task<long?> SamePostInThreadAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long? postId, long threadId, string field)
    {
        if (postId is null)
        {
            return null;
        }

        var found = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM forum_post WHERE id = @Id AND thread_id = @ThreadId AND deleted_at IS NULL", new { Id = postId, ThreadId = threadId }, transaction);
        return found > 0 ? postId : throw InvalidInputException.For(field, "That post is not in this thread.");
    }
}
