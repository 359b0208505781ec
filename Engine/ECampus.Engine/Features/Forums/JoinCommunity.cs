using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>Asks to join a community that is open to requests; a moderator decides. Leaving (or withdrawing the request) is <c>Join: false</c>.</summary>
public sealed record JoinCommunity(long CommunityId, bool Join = true) : ICommand<string?>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed class JoinCommunityHandler(IDatabase database, ICurrentActor current, TimeProvider time) : ICommandHandler<JoinCommunity, string?>
{
    public async ValueTask<string?> Handle(JoinCommunity command, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var community = await connection.QuerySingleOrDefaultAsync<(long IsPublic, long OpenToRequests)?>(
                "SELECT is_public, open_to_requests FROM forum_community WHERE id = @Id", new { Id = command.CommunityId }, transaction);
            var member = await connection.ExecuteScalarAsync<string?>(
                "SELECT status FROM forum_community_member WHERE community_id = @Id AND account_id = @AccountId", new { Id = command.CommunityId, actor.AccountId }, transaction);
            if (community is null || (community.Value.IsPublic == 0 && community.Value.OpenToRequests == 0 && member is null))
            {
                throw new NotFoundException("There is no such community, or you have no access to it.");
            }

            if (!command.Join)
            {
                await connection.ExecuteAsync("DELETE FROM forum_community_member WHERE community_id = @Id AND account_id = @AccountId",
                    new { Id = command.CommunityId, actor.AccountId }, transaction);
                return null;
            }

            if (member is not null)
            {
                return member;
            }

            if (community.Value.OpenToRequests == 0)
            {
                throw new AccessDeniedException("This community takes members by invitation only.");
            }

            await connection.ExecuteAsync("""
                INSERT INTO forum_community_member (community_id, account_id, role, status, since) VALUES (@Id, @AccountId, 'member', 'requested', @Now)
                """, new { Id = command.CommunityId, actor.AccountId, Now = SiteClock.Now(time) }, transaction);
            return "requested";
        }, cancellationToken);
    }
}
