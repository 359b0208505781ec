using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>Anyone who can read a post may report it to the forum's moderators, once, with a reason.</summary>
public sealed record ReportPost(long PostId, string Reason) : ICommand, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            yield return ("reason", "Say what is wrong with the post.");
        }
        else if (Reason.Length > 1000)
        {
            yield return ("reason", "A reason has at most 1,000 characters.");
        }
    }
}

public sealed class ReportPostHandler(IDatabase database, ForumAccess access, ICurrentActor current, TimeProvider time) : ICommandHandler<ReportPost>
{
    public async ValueTask<Unit> Handle(ReportPost command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        await database.WriteAsync(async (connection, transaction) =>
        {
            await access.RequirePostAsync(connection, actor, command.PostId, cancellationToken, transaction);
            var deleted = await connection.ExecuteScalarAsync<string?>("SELECT deleted_at FROM forum_post WHERE id = @Id", new { Id = command.PostId }, transaction);
            if (deleted is not null)
            {
                throw new NotFoundException("There is no such post, or you have no access to it.");
            }

            return await connection.ExecuteAsync("""
                INSERT INTO forum_report (post_id, reporter_id, reason, created_at) VALUES (@PostId, @AccountId, @Reason, @Now)
                ON CONFLICT (post_id, reporter_id) DO UPDATE SET reason = excluded.reason, created_at = excluded.created_at, resolved_at = NULL, resolved_by = NULL
                """, new { command.PostId, actor.AccountId, Reason = command.Reason.Trim(), Now = SiteClock.Now(time) }, transaction);
        }, cancellationToken);
        return Unit.Value;
    }
}
