using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// A moderator hides, unhides or deletes (with a reason) one post; the author may delete their own. Open reports on the
/// post are resolved by the action. Logged with who, when and why.
/// </summary>
public sealed record ModeratePost(long PostId, string Action, string? Reason = null) : ICommand, IAccessControlled, IValidated
{
    public static readonly IReadOnlyList<string> Actions = ["hide", "unhide", "delete", "dismiss-reports"];

    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (!Actions.Contains(Action))
        {
            yield return ("action", "Choose one of: " + string.Join(", ", Actions) + ".");
        }

        if (Reason is { Length: > 1000 })
        {
            yield return ("reason", "A reason has at most 1,000 characters.");
        }
    }
}

public sealed class ModeratePostHandler(IDatabase database, ForumAccess access, ForumUnreadCounts unread, ICurrentActor current, IEngineEvents events, TimeProvider time)
    : ICommandHandler<ModeratePost>
{
    public async ValueTask<Unit> Handle(ModeratePost command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var now = SiteClock.Now(time);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        var (forumId, threadId) = await database.WriteAsync(async (connection, transaction) =>
        {
            var (grant, thread) = await access.RequirePostAsync(connection, actor, command.PostId, cancellationToken, transaction);
            var authorId = await connection.ExecuteScalarAsync<long>("SELECT author_id FROM forum_post WHERE id = @Id", new { Id = command.PostId }, transaction);
            var ownDelete = command.Action == "delete" && authorId == actor.AccountId;
            if (!grant.CanModerate && !ownDelete)
            {
                throw new AccessDeniedException("Only the forum's moderators may do this.");
            }

            if (command.Action == "delete" && reason is null && !ownDelete)
            {
                throw InvalidInputException.For("reason", "Say why the post is deleted; the reason is logged.");
            }

            var sql = command.Action switch
            {
                "hide" => "UPDATE forum_post SET is_hidden = 1 WHERE id = @Id",
                "unhide" => "UPDATE forum_post SET is_hidden = 0 WHERE id = @Id",
                "delete" => "UPDATE forum_post SET deleted_at = @Now, delete_reason = @Reason WHERE id = @Id AND deleted_at IS NULL",
                _ => "SELECT 0",
            };
            await connection.ExecuteAsync(sql, new { Id = command.PostId, Now = now, Reason = reason ?? "deleted by the author" }, transaction);
            await ForumPosting.RefreshNotificationVisibilityAsync(connection, transaction, thread.Id, command.PostId);
            await connection.ExecuteAsync("UPDATE forum_report SET resolved_at = @Now, resolved_by = @ActorId WHERE post_id = @Id AND resolved_at IS NULL",
                new { Now = now, ActorId = actor.AccountId, Id = command.PostId }, transaction);
            await ForumPosting.LogAsync(connection, transaction, grant.Forum.Id, thread.Id, command.PostId, command.Action, reason, actor.AccountId!.Value, now);
            return (grant.Forum.Id, thread.Id);
        }, cancellationToken);

        if (command.Action is "hide" or "unhide" or "delete")
        {
            unread.ForgetEveryone();
        }

        await events.PublishAsync(new ForumChanged(forumId, threadId, ForumChanges.PostModerated, command.PostId, now), cancellationToken);
        return Unit.Value;
    }
}
