using Dapper;
using ECampus.Content;
using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>The public course page: what the course is, its modules, cohorts and tutors, and what the visitor can do.</summary>
public sealed record GetCourse(string CourseId) : IQuery<CoursePage>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.ViewCourse, CourseId);
}

/// <summary>What the visitor can do about joining.</summary>
public static class EnrolmentActions
{
    public const string SignIn = "sign-in";
    public const string Enrol = "enrol";
    public const string EnterKey = "enter-key";
    public const string Request = "request";
    public const string Requested = "requested";
    public const string Waitlisted = "waitlisted";
    public const string Enrolled = "enrolled";
    public const string Closed = "closed";
    public const string Removed = "removed";
}

public sealed record ModuleOutline(string Id, string Title, int? Week, int EffortMinutes, DateOnly? OpensOn);

public sealed record MyEnrolment(long Id, string Status, long? CohortId, long? WaitlistPosition, string? Reason);

public sealed record CoursePage(
    CourseSummary Course, string? LearningGoalsPrompt, IReadOnlyList<ModuleOutline> Modules, IReadOnlyList<CohortSummary> Cohorts,
    IReadOnlyList<TutorName> Tutors, MyEnrolment? Enrolment, string Action, string? ActionNote, bool Full);

public sealed class GetCourseHandler(IDatabase database, PackCatalog catalog, ICurrentActor current, IMediator mediator, TimeProvider time)
    : IQueryHandler<GetCourse, CoursePage>
{
    private const string Sql = """
        SELECT id, status, cohort_id, reason FROM enrolment WHERE course_id = @CourseId AND account_id = @AccountId;
        SELECT a.id AS account_id, a.display_name FROM course_role r JOIN account a ON a.id = r.account_id
        WHERE r.course_id = @CourseId AND r.role = 'tutor' ORDER BY a.display_name;
        SELECT count(*) FROM enrolment WHERE course_id = @CourseId AND status = 'active';
        """;

    private sealed record Row(long Id, string Status, long? CohortId, string? Reason);

    public async ValueTask<CoursePage> Handle(GetCourse query, CancellationToken cancellationToken)
    {
        var pack = catalog.RequirePack(query.CourseId).Pack;
        var actor = current.Actor;
        var today = CourseAccess.Today(time);
        var cohorts = await mediator.Send(new ListCohorts(pack.Id), cancellationToken);
        var (rules, row, tutors, taken, position) = await database.ReadAsync(async connection =>
        {
            var rules = await EnrolmentRules.ReadAsync(connection, pack, cancellationToken);
            using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { CourseId = pack.Id, actor.AccountId }, cancellationToken: cancellationToken));
            var row = await results.ReadSingleOrDefaultAsync<Row>();
            var tutors = (await results.ReadAsync<TutorName>()).ToList();
            var taken = await results.ReadSingleAsync<long>();
            long? position = row is { Status: EnrolmentRow.Waitlisted }
                ? await Places.WaitlistPositionAsync(connection, pack.Id, row.CohortId, row.Id)
                : null;
            return (rules, row, tutors, taken, position);
        }, cancellationToken);

        if (!rules.Listed && !actor.IsStaff() && row is null)
        {
            throw new NotFoundException("There is no such course.");
        }

        var next = cohorts.FirstOrDefault(c => c.StartsOn >= today) ?? cohorts.LastOrDefault();
        var full = next is not null
            ? (next.Capacity ?? rules.Capacity) is { } cohortCapacity && next.Learners >= cohortCapacity
            : rules.Capacity is { } capacity && taken >= capacity;
        var (action, note) = row?.Status switch
        {
            EnrolmentRow.Active => (EnrolmentActions.Enrolled, null),
            EnrolmentRow.Requested => (EnrolmentActions.Requested, "A tutor will look at your request."),
            EnrolmentRow.Waitlisted => (EnrolmentActions.Waitlisted, $"You are number {position} on the waiting list."),
            EnrolmentRow.Removed => (EnrolmentActions.Removed, row.Reason),
            _ when rules.ClosedReason(today) is { } closed => (EnrolmentActions.Closed, closed),
            _ when !actor.IsSignedIn => (EnrolmentActions.SignIn, null),
            _ => rules.Mode switch
            {
                EnrolmentMode.Key => (EnrolmentActions.EnterKey, full ? "The course is full: you will join the waiting list." : null),
                EnrolmentMode.Approval => (EnrolmentActions.Request, row?.Status == EnrolmentRow.Rejected ? $"Your last request was turned down: {row.Reason}" : null),
                _ => (EnrolmentActions.Enrol, full ? "The course is full: you will join the waiting list." : (string?)null),
            },
        };

        var allTutors = tutors.Concat(cohorts.SelectMany(c => c.Tutors)).DistinctBy(t => t.AccountId).ToList();
        var modules = pack.Modules
            .Select(m => new ModuleOutline(m.Id, m.Title, m.Week, m.EffortMinutes, CourseProgress.OpensOn(pack, m, null)))
            .ToList();
        return new CoursePage(CourseSummary.Of(pack, rules), pack.LearningGoals?.Prompt, modules, cohorts, allTutors,
            row is null ? null : new MyEnrolment(row.Id, row.Status, row.CohortId, position, row.Reason), action, note, full);
    }
}
