using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>A community the caller may read, with its forum id; moderators also get members and open requests.</summary>
public sealed record GetCommunity(long CommunityId) : IQuery<CommunityPage>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed record CommunityPage(long Id, string Title, string Description, bool IsPublic, long ForumId, bool CanPost, bool CanModerate, IReadOnlyList<CommunityMember> Members);

public sealed record CommunityMember(long AccountId, string DisplayName, string Role, string Status);

public sealed class GetCommunityHandler(IDatabase database, ForumAccess access, ICurrentActor current) : IQueryHandler<GetCommunity, CommunityPage>
{
    public async ValueTask<CommunityPage> Handle(GetCommunity query, CancellationToken cancellationToken) =>
        await database.ReadAsync(async connection =>
        {
            var forumId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT id FROM forum WHERE community_id = @CommunityId", new { query.CommunityId }, cancellationToken: cancellationToken))
                ?? throw new NotFoundException("There is no such community, or you have no access to it.");
            var grant = await access.RequireForumAsync(connection, current.Actor, forumId, cancellationToken);
            var (title, description, isPublic) = await connection.QuerySingleAsync<(string, string, long)>(new CommandDefinition(
                "SELECT title, description, is_public FROM forum_community WHERE id = @CommunityId", new { query.CommunityId }, cancellationToken: cancellationToken));
            var members = grant.CanModerate
                ? (await connection.QueryAsync<CommunityMember>(new CommandDefinition("""
                    SELECT m.account_id, a.display_name, m.role, m.status FROM forum_community_member m JOIN account a ON a.id = m.account_id
                    WHERE m.community_id = @CommunityId ORDER BY m.status DESC, a.display_name
                    """, new { query.CommunityId }, cancellationToken: cancellationToken))).ToList()
                : [];
            return new CommunityPage(query.CommunityId, title, description, isPublic == 1, forumId, grant.CanPost, grant.CanModerate, members);
        }, cancellationToken);
}
