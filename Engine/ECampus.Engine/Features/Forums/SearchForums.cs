using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// Full-text search in the forums of a course (only the spaces the caller may enter: their cohort's, or the cohorts
/// they teach) or of a community.
/// </summary>
public sealed record SearchForums(string? CourseId, long? CommunityId, string Query) : IQuery<IReadOnlyList<ForumSearchHit>>, IAccessControlled, IValidated
{
    public AccessRule Access => CourseId is null ? AccessRule.Require(Permissions.SignedIn) : AccessRule.Require(Permissions.TakeCourse, CourseId);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if ((CourseId is null) == (CommunityId is null))
        {
            yield return ("courseId", "Search either a course's forums or a community.");
        }

        if (SqliteForumSearch.ToMatchExpression(Query ?? "") is null)
        {
            yield return ("q", "Type at least one word to search for.");
        }
        else if (Query!.Length > 200)
        {
            yield return ("q", "A search has at most 200 characters.");
        }
    }
}

public sealed class SearchForumsHandler(IDatabase database, PackCatalog catalog, ForumAccess access, IForumSearch search, ICurrentActor current)
    : IQueryHandler<SearchForums, IReadOnlyList<ForumSearchHit>>
{
    public async ValueTask<IReadOnlyList<ForumSearchHit>> Handle(SearchForums query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        return await database.ReadAsync(async connection =>
        {
            List<long> forums;
            if (query.CourseId is { } courseId)
            {
                catalog.RequirePack(courseId);
                var cohorts = await access.CourseCohortsAsync(connection, actor, courseId, cancellationToken) ?? [];
                forums = (await connection.QueryAsync<long>(new CommandDefinition(
                    "SELECT id FROM forum WHERE course_id = @CourseId AND cohort_id IN @Cohorts", new { CourseId = courseId, Cohorts = cohorts }, cancellationToken: cancellationToken))).ToList();
            }
            else
            {
                var forumId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    "SELECT id FROM forum WHERE community_id = @CommunityId", new { query.CommunityId }, cancellationToken: cancellationToken))
                    ?? throw new NotFoundException("There is no such community, or you have no access to it.");
                await access.RequireForumAsync(connection, actor, forumId, cancellationToken);
                forums = [forumId];
            }

            return await search.SearchAsync(connection, forums, query.Query, 50, cancellationToken);
        }, cancellationToken);
    }
}
