using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Features.Forums;

/// <summary>Starts a thread with its first post. The author is subscribed to it; the forum's subscribers are notified.</summary>
public sealed record StartThread(long ForumId, string Title, string Body) : ICommand<StartedThread>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed record StartedThread(long ThreadId, long PostId);

public sealed class StartThreadHandler(IDatabase database, ForumAccess access, IForumSearch search, ForumFollowers followers, ICurrentActor current, IEngineEvents events, IOptions<ForumOptions> options, TimeProvider time)
    : ICommandHandler<StartThread, StartedThread>
{
    public async ValueTask<StartedThread> Handle(StartThread command, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var title = ForumPosting.RequireTitle(command.Title, limits);
        var body = ForumPosting.RenderBody(command.Body, limits);
        var actor = current.Actor;
        var now = SiteClock.Now(time);
        var (forumId, threadId, postId) = await database.WriteAsync(async (connection, transaction) =>
        {
            var grant = await access.RequireForumAsync(connection, actor, command.ForumId, cancellationToken, transaction);
            if (!grant.CanPost)
            {
                throw new AccessDeniedException("Only members may start threads here.");
            }

            await ForumPosting.RequireWithinRateAsync(connection, transaction, actor.AccountId!.Value, now, limits);
            var threadId = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO forum_thread (forum_id, title, author_id, created_at, last_post_at) VALUES (@ForumId, @Title, @AuthorId, @Now, @Now) RETURNING id
                """, new { command.ForumId, Title = title, AuthorId = actor.AccountId, Now = now }, transaction);
            var postId = await ForumPosting.AddPostAsync(connection, transaction, search, threadId, title, null, null, actor.AccountId.Value, body, now, isFirst: true);
            return (grant.Forum.Id, threadId, postId);
        }, cancellationToken);

        await events.PublishAsync(new ForumChanged(forumId, threadId, ForumChanges.ThreadStarted, postId, now), cancellationToken);
        await followers.NotifyAsync(postId, events);
        return new StartedThread(threadId, postId);
    }
}
