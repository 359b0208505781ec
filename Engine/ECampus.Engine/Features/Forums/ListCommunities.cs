using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// The communities the caller can see: those they belong to or asked to join, public ones, and private ones open to
/// requests (title and description only, so people can ask to join). Administrators see all.
/// </summary>
public sealed record ListCommunities : IQuery<IReadOnlyList<CommunitySummary>>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed class CommunitySummary
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public bool IsPublic { get; init; }
    public bool OpenToRequests { get; init; }
    public long ForumId { get; init; }
    public long Members { get; init; }

    /// <summary><c>member</c>, <c>moderator</c>, <c>requested</c>, or null.</summary>
    public string? Membership { get; init; }
}

public sealed class ListCommunitiesHandler(IDatabase database, ICurrentActor current) : IQueryHandler<ListCommunities, IReadOnlyList<CommunitySummary>>
{
    public async ValueTask<IReadOnlyList<CommunitySummary>> Handle(ListCommunities query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        return await database.ReadAsync<IReadOnlyList<CommunitySummary>>(async connection => (await connection.QueryAsync<CommunitySummary>(new CommandDefinition("""
            SELECT c.id, c.title, c.description, c.is_public, c.open_to_requests, f.id AS ForumId,
                   (SELECT count(*) FROM forum_community_member x WHERE x.community_id = c.id AND x.status = 'active') AS Members,
                   CASE WHEN m.status = 'requested' THEN 'requested' ELSE m.role END AS Membership
            FROM forum_community c
            JOIN forum f ON f.community_id = c.id
            LEFT JOIN forum_community_member m ON m.community_id = c.id AND m.account_id = @AccountId
            WHERE @Admin OR c.is_public = 1 OR c.open_to_requests = 1 OR m.account_id IS NOT NULL
            ORDER BY c.title
            """, new { actor.AccountId, Admin = actor.HasSiteRole(SiteRoles.Admin) }, cancellationToken: cancellationToken))).ToList(), cancellationToken);
    }
}
