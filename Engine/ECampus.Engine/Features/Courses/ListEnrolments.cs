using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>
/// The people in a course, or waiting to join it, as a tutor sees them: only the cohorts they teach (administrators
/// see all). With <see cref="Status"/> <c>requested</c> this is the approval queue, oldest first.
/// </summary>
public sealed record ListEnrolments(string CourseId, string? Status = null, long? CohortId = null)
    : IQuery<IReadOnlyList<EnrolmentEntry>>, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.TeachCourse, CourseId);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Status is not (null or EnrolmentRow.Active or EnrolmentRow.Requested or EnrolmentRow.Waitlisted or EnrolmentRow.Rejected or EnrolmentRow.Withdrawn or EnrolmentRow.Removed))
        {
            yield return ("status", "Status is one of active, requested, waitlisted, rejected, withdrawn, removed.");
        }
    }
}

public sealed record EnrolmentEntry
{
    public long Id { get; init; }
    public long AccountId { get; init; }
    public string DisplayName { get; init; } = "";
    public string Email { get; init; } = "";
    public long? CohortId { get; init; }
    public string? CohortName { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset QueuedAt { get; init; }
    public DateTimeOffset? EnrolledAt { get; init; }
    public string? Reason { get; init; }
}

public sealed class ListEnrolmentsHandler(IDatabase database, PackCatalog catalog, ICurrentActor current)
    : IQueryHandler<ListEnrolments, IReadOnlyList<EnrolmentEntry>>
{
    private const string Sql = """
        SELECT e.id, e.account_id, a.display_name, a.email, e.cohort_id, c.name AS cohort_name, e.status, e.queued_at, e.enrolled_at, e.reason
        FROM enrolment e JOIN account a ON a.id = e.account_id LEFT JOIN cohort c ON c.id = e.cohort_id
        WHERE e.course_id = @CourseId AND (@Status IS NULL OR e.status = @Status) AND (@CohortId IS NULL OR e.cohort_id = @CohortId)
        ORDER BY e.queued_at, e.id
        LIMIT 2000
        """;

    public async ValueTask<IReadOnlyList<EnrolmentEntry>> Handle(ListEnrolments query, CancellationToken cancellationToken)
    {
        catalog.RequirePack(query.CourseId);
        return await database.ReadAsync<IReadOnlyList<EnrolmentEntry>>(async connection =>
        {
            var taught = await CourseAccess.TaughtCohortsAsync(connection, current.Actor, query.CourseId, cancellationToken);
            var rows = await connection.QueryAsync<EnrolmentEntry>(new CommandDefinition(Sql, query, cancellationToken: cancellationToken));
            // A tutor of one cohort sees that cohort; a tutor of a course without cohorts sees everyone in it.
            return rows.Where(row => taught is null || (row.CohortId is { } cohort ? taught.Contains(cohort) : taught.Count == 0)).ToList();
        }, cancellationToken);
    }
}
