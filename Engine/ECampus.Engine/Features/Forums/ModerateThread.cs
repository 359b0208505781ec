using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// A moderator pins, unpins, locks, unlocks, hides, unhides, deletes (with a reason) or moves a thread (to another forum
/// they moderate in the same course or community). Every action is logged with who, when and why.
/// </summary>
public sealed record ModerateThread(long ThreadId, string Action, string? Reason = null, long? ToForumId = null) : ICommand, IAccessControlled, IValidated
{
    public static readonly IReadOnlyList<string> Actions = ["pin", "unpin", "lock", "unlock", "hide", "unhide", "delete", "move"];

    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (!Actions.Contains(Action))
        {
            yield return ("action", "Choose one of: " + string.Join(", ", Actions) + ".");
        }

        if (Action == "delete" && string.IsNullOrWhiteSpace(Reason))
        {
            yield return ("reason", "Say why the thread is deleted; the reason is logged.");
        }

        if (Action == "move" && ToForumId is null)
        {
            yield return ("toForumId", "Choose the forum to move the thread to.");
        }

        if (Reason is { Length: > 1000 })
        {
            yield return ("reason", "A reason has at most 1,000 characters.");
        }
    }
}

public sealed class ModerateThreadHandler(IDatabase database, ForumAccess access, ForumUnreadCounts unread, ICurrentActor current, IEngineEvents events, TimeProvider time)
    : ICommandHandler<ModerateThread>
{
    public async ValueTask<Unit> Handle(ModerateThread command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var now = SiteClock.Now(time);
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        var (fromForum, toForum) = await database.WriteAsync(async (connection, transaction) =>
        {
            var (grant, thread) = await access.RequireThreadAsync(connection, actor, command.ThreadId, cancellationToken, transaction);
            if (!grant.CanModerate)
            {
                throw new AccessDeniedException("Only the forum's moderators may do this.");
            }

            var toForum = grant.Forum.Id;
            var sql = command.Action switch
            {
                "pin" => "UPDATE forum_thread SET is_pinned = 1 WHERE id = @Id",
                "unpin" => "UPDATE forum_thread SET is_pinned = 0 WHERE id = @Id",
                "lock" => "UPDATE forum_thread SET is_locked = 1 WHERE id = @Id",
                "unlock" => "UPDATE forum_thread SET is_locked = 0 WHERE id = @Id",
                "hide" => "UPDATE forum_thread SET is_hidden = 1 WHERE id = @Id",
                "unhide" => "UPDATE forum_thread SET is_hidden = 0 WHERE id = @Id",
                "delete" => "UPDATE forum_thread SET deleted_at = @Now, delete_reason = @Reason WHERE id = @Id",
                _ => "UPDATE forum_thread SET forum_id = @ToForum WHERE id = @Id",
            };
            if (command.Action == "move")
            {
                var target = await access.RequireForumAsync(connection, actor, command.ToForumId!.Value, cancellationToken, transaction);
                var sameSpace = target.Forum.CourseId == grant.Forum.CourseId && target.Forum.CommunityId == grant.Forum.CommunityId;
                if (!target.CanModerate || !sameSpace)
                {
                    throw InvalidInputException.For("toForumId", "Threads move only between forums you moderate in the same course or community.");
                }

                toForum = target.Forum.Id;
            }

            await connection.ExecuteAsync(sql, new { Id = thread.Id, Now = now, Reason = reason, ToForum = toForum }, transaction);
            if (command.Action is "hide" or "unhide" or "delete")
            {
                await ForumPosting.RefreshNotificationVisibilityAsync(connection, transaction, thread.Id);
            }

            await ForumPosting.LogAsync(connection, transaction, grant.Forum.Id, thread.Id, null,
                command.Action == "move" ? $"move to forum {toForum}" : command.Action, reason, actor.AccountId!.Value, now);
            return (grant.Forum.Id, toForum);
        }, cancellationToken);

        if (command.Action is "hide" or "unhide" or "delete")
        {
            unread.ForgetEveryone();
        }

        await events.PublishAsync(new ForumChanged(fromForum, command.ThreadId, ForumChanges.ThreadModerated, null, now), cancellationToken);
        if (toForum != fromForum)
        {
            await events.PublishAsync(new ForumChanged(toForum, command.ThreadId, ForumChanges.ThreadModerated, null, now), cancellationToken);
        }

        return Unit.Value;
    }
}
