using System.Data.Common;
using Dapper;
using ECampus.Sdk;

namespace ECampus.Engine.Courses;

/// <summary>The checks every course use case starts with.</summary>
public static class CourseAccess
{
    /// <summary>The course as it is served now; a course that is not served is not found.</summary>
    public static CoursePack RequirePack(this PackCatalog catalog, string courseId) =>
        catalog.Find(courseId) ?? throw new NotFoundException("There is no such course.");

    /// <summary>Administrators and authors see every course, listed or not, and its content without enrolling.</summary>
    public static bool IsStaff(this Actor actor) => actor.HasSiteRole(SiteRoles.Admin) || actor.HasSiteRole(SiteRoles.Author);

    /// <summary>The calendar day on the site clock (UTC), against which dates in packs and cohorts are compared.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(SiteClock.Now(time).UtcDateTime);

    /// <summary>
    /// Refuses a tutor who does not teach <paramref name="cohortId"/>. Administrators, and tutors of courses without
    /// cohorts, pass; the course-level permission was checked before.
    /// </summary>
    public static async Task RequireCohortTutorAsync(DbConnection connection, Actor actor, long? cohortId, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        if (cohortId is null || actor.HasSiteRole(SiteRoles.Admin))
        {
            return;
        }

        var teaches = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM cohort_tutor WHERE cohort_id = @CohortId AND account_id = @AccountId",
            new { CohortId = cohortId, actor.AccountId }, transaction, cancellationToken: cancellationToken));
        if (teaches == 0)
        {
            throw new NotFoundException("There is no such enrolment in the cohorts you teach.");
        }
    }

    /// <summary>The cohorts <paramref name="actor"/> teaches in a course; null means all of them (administrators).</summary>
    public static async Task<IReadOnlySet<long>?> TaughtCohortsAsync(DbConnection connection, Actor actor, string courseId, CancellationToken cancellationToken)
    {
        if (actor.HasSiteRole(SiteRoles.Admin))
        {
            return null;
        }

        return (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT t.cohort_id FROM cohort_tutor t JOIN cohort c ON c.id = t.cohort_id WHERE c.course_id = @CourseId AND t.account_id = @AccountId",
            new { CourseId = courseId, actor.AccountId }, cancellationToken: cancellationToken))).ToHashSet();
    }
}
