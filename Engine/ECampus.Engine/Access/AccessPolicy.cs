using Dapper;
using ECampus.Engine.Data;
using ECampus.Sdk;

namespace ECampus.Engine.Access;

/// <summary>
/// The one answer to "may this actor do this action in this course". Unknown permissions are refused:
/// access is denied unless a rule here grants it.
/// </summary>
public sealed class AccessPolicy(IDatabase database, RowChanges rowChanges, TimeProvider time) : IAccessPolicy
{
    // Asked on nearly every course request, changed only by enrolment and tutor assignment.
    private readonly TableCache<(long AccountId, string CourseId), IReadOnlyList<string>> _courseRoles = new(rowChanges, time, "course_role");

    private const string CourseRolesSql =
        "SELECT role FROM course_role WHERE course_id = @CourseId AND account_id = @AccountId";

    public async ValueTask<bool> IsAllowedAsync(Actor actor, string permission, string? courseId, CancellationToken cancellationToken)
    {
        if (actor.IsSystem)
        {
            return true;
        }

        if (!actor.IsSignedIn)
        {
            return permission == Permissions.ViewCourse;
        }

        var isAdmin = actor.HasSiteRole(SiteRoles.Admin);
        switch (permission)
        {
            case Permissions.SignedIn:
            case Permissions.ViewCourse:
                return true;
            case Permissions.AdministerSite:
                return isAdmin;
            case Permissions.AuthorCourses:
                return isAdmin || actor.HasSiteRole(SiteRoles.Author);
            case Permissions.TakeCourse:
                if (isAdmin || actor.HasSiteRole(SiteRoles.Author))
                {
                    return true;
                }

                return courseId is not null && (await CourseRolesAsync(actor, courseId, cancellationToken)).Count > 0;
            case Permissions.TeachCourse:
                if (isAdmin)
                {
                    return true;
                }

                return courseId is not null && (await CourseRolesAsync(actor, courseId, cancellationToken)).Contains(CourseRoles.Tutor);
            default:
                return false;
        }
    }

    private Task<IReadOnlyList<string>> CourseRolesAsync(Actor actor, string courseId, CancellationToken cancellationToken) =>
        _courseRoles.GetAsync((actor.AccountId!.Value, courseId), () => database.ReadAsync<IReadOnlyList<string>>(
            async connection => (await connection.QueryAsync<string>(
                new CommandDefinition(CourseRolesSql, new { CourseId = courseId, actor.AccountId }, cancellationToken: cancellationToken))).ToList(),
            cancellationToken));
}
