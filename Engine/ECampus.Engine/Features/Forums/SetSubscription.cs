using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>Subscribes to (or leaves) a whole forum or one thread; subscribers are notified of new posts.</summary>
public sealed record SetSubscription(long? ForumId, long? ThreadId, bool Subscribed) : ICommand, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if ((ForumId is null) == (ThreadId is null))
        {
            yield return ("forumId", "Name either a forum or a thread.");
        }
    }
}

public sealed class SetSubscriptionHandler(IDatabase database, ForumAccess access, ICurrentActor current, TimeProvider time) : ICommandHandler<SetSubscription>
{
    public async ValueTask<Unit> Handle(SetSubscription command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var now = SiteClock.Now(time);
        await database.WriteAsync(async (connection, transaction) =>
        {
            if (command.ForumId is { } forumId)
            {
                await access.RequireForumAsync(connection, actor, forumId, cancellationToken, transaction);
                return await connection.ExecuteAsync(command.Subscribed
                    ? "INSERT INTO forum_subscription (account_id, forum_id, since) VALUES (@AccountId, @Id, @Now) ON CONFLICT DO NOTHING"
                    : "DELETE FROM forum_subscription WHERE account_id = @AccountId AND forum_id = @Id", new { actor.AccountId, Id = forumId, Now = now }, transaction);
            }

            var threadId = command.ThreadId!.Value;
            await access.RequireThreadAsync(connection, actor, threadId, cancellationToken, transaction);
            return await connection.ExecuteAsync(command.Subscribed
                ? "INSERT INTO forum_thread_subscription (account_id, thread_id, since) VALUES (@AccountId, @Id, @Now) ON CONFLICT DO NOTHING"
                : "DELETE FROM forum_thread_subscription WHERE account_id = @AccountId AND thread_id = @Id", new { actor.AccountId, Id = threadId, Now = now }, transaction);
        }, cancellationToken);
        return Unit.Value;
    }
}
