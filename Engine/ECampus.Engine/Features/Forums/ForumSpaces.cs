using System.Data.Common;
using Dapper;
using ECampus.Content;
using ECampus.Sdk;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// The forums a pack asks for: a course forum (pack.yml <c>forum.course-forum</c>) and a discussion for each module when
/// <c>forum.module-discussions</c> is on or the module holds a <c>:::activity discussion</c> block. Each cohort gets its
/// own set. Rows are created the first time someone opens them, so a new pack or cohort needs no set-up.
/// </summary>
public static class ForumSpaces
{
    public const string CourseScope = "course";

    public sealed record Space(string ScopeKey, string? ModuleId, string Title);

    public static IReadOnlyList<Space> Of(Pack pack)
    {
        var spaces = new List<Space>();
        if (pack.Forum.CourseForum)
        {
            spaces.Add(new Space(CourseScope, null, "Course forum"));
        }

        spaces.AddRange(pack.Modules.Where(m => HasDiscussion(pack, m)).Select(m => new Space(ModuleScope(m.Id), m.Id, "Discussion: " + m.Title)));
        return spaces;
    }

    public static bool HasDiscussion(Pack pack, PackModule module) =>
        pack.Forum.ModuleDiscussions || module.Activities.Any(a => a.Type == "discussion");

    public static string ModuleScope(string moduleId) => "module:" + moduleId;

    /// <summary>The ids of the given spaces for one cohort, creating rows that do not exist yet (one write, only when needed).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> EnsureAsync(
        IDatabase database, string courseId, long cohortId, IReadOnlyList<Space> spaces, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string ReadSql = "SELECT scope_key, id FROM forum WHERE course_id = @CourseId AND cohort_id = @CohortId";
        var existing = await database.ReadAsync(async connection => (await connection.QueryAsync<(string Scope, long Id)>(new CommandDefinition(
            ReadSql, new { CourseId = courseId, CohortId = cohortId }, cancellationToken: cancellationToken))).ToDictionary(r => r.Scope, r => r.Id), cancellationToken);
        if (spaces.All(s => existing.ContainsKey(s.ScopeKey)))
        {
            return existing;
        }

        return await database.WriteAsync(async (connection, transaction) =>
        {
            foreach (var space in spaces.Where(s => !existing.ContainsKey(s.ScopeKey)))
            {
                await connection.ExecuteAsync("""
                    INSERT INTO forum (kind, course_id, cohort_id, scope_key, module_id, title, created_at)
                    VALUES (@Kind, @CourseId, @CohortId, @ScopeKey, @ModuleId, @Title, @Now) ON CONFLICT DO NOTHING
                    """, new { Kind = space.ModuleId is null ? "course" : "module", CourseId = courseId, CohortId = cohortId, space.ScopeKey, space.ModuleId, space.Title, Now = now }, transaction);
            }

            return (await connection.QueryAsync<(string Scope, long Id)>(ReadSql, new { CourseId = courseId, CohortId = cohortId }, transaction))
                .ToDictionary(r => r.Scope, r => r.Id);
        }, cancellationToken);
    }
}
