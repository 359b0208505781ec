using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>Moderators: a post's earlier versions, oldest first, with who replaced each and when.</summary>
public sealed record GetPostHistory(long PostId) : IQuery<IReadOnlyList<PostRevision>>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed record PostRevision(long Revision, string BodyMarkdown, DateTimeOffset WrittenAt, DateTimeOffset ReplacedAt, string ReplacedBy);

public sealed class GetPostHistoryHandler(IDatabase database, ForumAccess access, ICurrentActor current) : IQueryHandler<GetPostHistory, IReadOnlyList<PostRevision>>
{
    public async ValueTask<IReadOnlyList<PostRevision>> Handle(GetPostHistory query, CancellationToken cancellationToken) =>
        await database.ReadAsync<IReadOnlyList<PostRevision>>(async connection =>
        {
            var (grant, _) = await access.RequirePostAsync(connection, current.Actor, query.PostId, cancellationToken);
            if (!grant.CanModerate)
            {
                throw new AccessDeniedException("Only the forum's moderators see edit history.");
            }

            return (await connection.QueryAsync<PostRevision>(new CommandDefinition("""
                SELECT r.revision, r.body_markdown, r.written_at, r.replaced_at, a.display_name AS ReplacedBy
                FROM forum_post_revision r JOIN account a ON a.id = r.replaced_by
                WHERE r.post_id = @PostId ORDER BY r.revision
                """, new { query.PostId }, cancellationToken: cancellationToken))).ToList();
        }, cancellationToken);
}
