using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// The forums of a course the caller may enter: the course forum and the module discussions, for the learner's own
/// cohort, the cohorts a tutor teaches, or every cohort for administrators and authors; each with its threads and unread count.
/// </summary>
public sealed record ListCourseForums(string CourseId) : IQuery<CourseForums>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.TakeCourse, CourseId);
}

public sealed record CourseForums(string CourseId, string CourseTitle, bool CanModerate, IReadOnlyList<ForumSummary> Forums);

public sealed record ForumSummary(long Id, string Kind, string Title, string? ModuleId, long CohortId, string? CohortName, long Threads, long Unread);

public sealed class ListCourseForumsHandler(IDatabase database, PackCatalog catalog, ForumAccess access, ICurrentActor current, TimeProvider time)
    : IQueryHandler<ListCourseForums, CourseForums>
{
    public async ValueTask<CourseForums> Handle(ListCourseForums query, CancellationToken cancellationToken)
    {
        var pack = catalog.RequirePack(query.CourseId).Pack;
        var actor = current.Actor;
        var cohorts = await database.ReadAsync(connection => access.CourseCohortsAsync(connection, actor, pack.Id, cancellationToken), cancellationToken)
            ?? throw new NotFoundException("There is no such course, or you have no access to it.");
        var spaces = ForumSpaces.Of(pack);
        var ids = new List<long>();
        foreach (var cohort in cohorts)
        {
            var ensured = await ForumSpaces.EnsureAsync(database, pack.Id, cohort, spaces, SiteClock.Now(time), cancellationToken);
            ids.AddRange(spaces.Select(s => ensured[s.ScopeKey]));
        }

        var forums = await database.ReadAsync(async connection => (await connection.QueryAsync<ForumSummary>(new CommandDefinition("""
            SELECT f.id, f.kind, f.title, f.module_id AS ModuleId, f.cohort_id AS CohortId, c.name AS CohortName,
                   (SELECT count(*) FROM forum_thread t WHERE t.forum_id = f.id AND t.deleted_at IS NULL AND t.is_hidden = 0) AS Threads,
                   (SELECT count(*) FROM forum_thread t LEFT JOIN forum_read r ON r.thread_id = t.id AND r.account_id = @AccountId
                    WHERE t.forum_id = f.id AND t.deleted_at IS NULL AND t.is_hidden = 0 AND coalesce(r.last_read_post_id, 0) < t.last_post_id) AS Unread
            FROM forum f LEFT JOIN cohort c ON c.id = f.cohort_id
            WHERE f.id IN @Ids
            """, new { Ids = ids, actor.AccountId }, cancellationToken: cancellationToken))).ToList(), cancellationToken);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new CourseForums(pack.Id, pack.Title, await access.ModeratesInCourseAsync(actor, pack.Id, cancellationToken), forums.OrderBy(f => order[f.Id]).ToList());
    }
}
