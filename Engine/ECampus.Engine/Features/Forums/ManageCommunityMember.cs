using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// Administrators and the community's moderators invite someone (they join at once), approve a request, remove a
/// member, or make a member a moderator. Logged in the forum's moderation log.
/// </summary>
public sealed record ManageCommunityMember(long CommunityId, long AccountId, string Action) : ICommand, IAccessControlled, IValidated
{
    public static readonly IReadOnlyList<string> Actions = ["invite", "approve", "remove", "make-moderator", "make-member"];

    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (!Actions.Contains(Action))
        {
            yield return ("action", "Choose one of: " + string.Join(", ", Actions) + ".");
        }
    }
}

public sealed class ManageCommunityMemberHandler(IDatabase database, ForumAccess access, ICurrentActor current, TimeProvider time) : ICommandHandler<ManageCommunityMember>
{
    public async ValueTask<Unit> Handle(ManageCommunityMember command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var now = SiteClock.Now(time);
        await database.WriteAsync(async (connection, transaction) =>
        {
            var forumId = await connection.ExecuteScalarAsync<long?>("SELECT id FROM forum WHERE community_id = @Id", new { Id = command.CommunityId }, transaction)
                ?? throw new NotFoundException("There is no such community, or you have no access to it.");
            var grant = await access.RequireForumAsync(connection, actor, forumId, cancellationToken, transaction);
            if (!grant.CanModerate)
            {
                throw new AccessDeniedException("Only the community's moderators manage its members.");
            }

            var status = await connection.ExecuteScalarAsync<string?>(
                "SELECT status FROM forum_community_member WHERE community_id = @CommunityId AND account_id = @AccountId", new { command.CommunityId, command.AccountId }, transaction);
            var changed = command.Action switch
            {
                "invite" => await connection.ExecuteAsync("""
                    INSERT INTO forum_community_member (community_id, account_id, role, status, since, decided_by)
                    SELECT @CommunityId, a.id, 'member', 'active', @Now, @By FROM account a WHERE a.id = @AccountId AND a.status = 'active'
                    ON CONFLICT (community_id, account_id) DO UPDATE SET status = 'active', decided_by = excluded.decided_by
                    """, new { command.CommunityId, command.AccountId, Now = now, By = actor.AccountId }, transaction),
                "approve" when status == "requested" => await connection.ExecuteAsync(
                    "UPDATE forum_community_member SET status = 'active', since = @Now, decided_by = @By WHERE community_id = @CommunityId AND account_id = @AccountId",
                    new { command.CommunityId, command.AccountId, Now = now, By = actor.AccountId }, transaction),
                "remove" => await connection.ExecuteAsync(
                    "DELETE FROM forum_community_member WHERE community_id = @CommunityId AND account_id = @AccountId", new { command.CommunityId, command.AccountId }, transaction),
                "make-moderator" or "make-member" when status == "active" => await connection.ExecuteAsync(
                    "UPDATE forum_community_member SET role = @Role WHERE community_id = @CommunityId AND account_id = @AccountId",
                    new { command.CommunityId, command.AccountId, Role = command.Action == "make-moderator" ? "moderator" : "member" }, transaction),
                _ => 0,
            };
            if (changed == 0)
            {
                throw new NotFoundException("There is no such account, request or member.");
            }

            await ForumPosting.LogAsync(connection, transaction, forumId, null, null, $"{command.Action} account {command.AccountId}", null, actor.AccountId!.Value, now);
            return changed;
        }, cancellationToken);
        return Unit.Value;
    }
}
