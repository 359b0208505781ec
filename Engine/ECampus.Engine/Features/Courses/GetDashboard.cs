using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>
/// The signed-in person's dashboard: the courses they take with progress and next step, those they wait for, the
/// courses they tutor, and what is coming up (filled by plug-ins).
/// </summary>
public sealed record GetDashboard : IQuery<Dashboard>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed record DashboardCourse(string CourseId, string Title, string Format, string Status, int Percent, ModuleStatus? Next, bool Completed, long? WaitlistPosition);

public sealed record Dashboard(IReadOnlyList<DashboardCourse> Learning, IReadOnlyList<DashboardCourse> Tutoring, IReadOnlyList<UpcomingItem> Upcoming);

public sealed class GetDashboardHandler(
    IDatabase database, PackCatalog catalog, LearnerRecords records, ICurrentActor current, IEnumerable<IUpcomingItems> upcoming, TimeProvider time)
    : IQueryHandler<GetDashboard, Dashboard>
{
    private const string Sql = """
        SELECT course_id, status, cohort_id, id FROM enrolment
        WHERE account_id = @AccountId AND status IN ('active', 'requested', 'waitlisted') ORDER BY queued_at DESC;
        SELECT course_id FROM course_role WHERE account_id = @AccountId AND role = 'tutor' ORDER BY course_id;
        """;

    private sealed record Row(string CourseId, string Status, long? CohortId, long Id);

    public async ValueTask<Dashboard> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        var accountId = current.Actor.AccountId!.Value;
        var today = CourseAccess.Today(time);
        var (learning, tutoring) = await database.ReadAsync(async connection =>
        {
            using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { AccountId = accountId }, cancellationToken: cancellationToken));
            var enrolments = (await results.ReadAsync<Row>()).ToList();
            var taught = (await results.ReadAsync<string>()).ToList();
            var learning = new List<DashboardCourse>();
            foreach (var enrolment in enrolments)
            {
                if (catalog.Find(enrolment.CourseId)?.Pack is not { } pack)
                {
                    continue;
                }

                if (enrolment.Status != EnrolmentRow.Active)
                {
                    long? position = enrolment.Status == EnrolmentRow.Waitlisted
                        ? await Places.WaitlistPositionAsync(connection, pack.Id, enrolment.CohortId, enrolment.Id)
                        : null;
                    learning.Add(new DashboardCourse(pack.Id, pack.Title, CourseSummary.FormatName(pack.Format), enrolment.Status, 0, null, false, position));
                    continue;
                }

                var record = await records.ReadAsync(connection, pack.Id, accountId, cancellationToken);
                var progress = CourseProgress.Of(pack, record, today);
                learning.Add(new DashboardCourse(pack.Id, pack.TitleIn(record.Enrolment?.Language), CourseSummary.FormatName(pack.Format),
                    enrolment.Status, progress.Percent, progress.Next, record.CompletedAt is not null, null));
            }

            var tutoring = taught.Select(catalog.Find).OfType<CoursePack>()
                .Select(c => new DashboardCourse(c.Id, c.Pack.Title, CourseSummary.FormatName(c.Pack.Format), "tutor", 0, null, false, null)).ToList();
            return (learning, tutoring);
        }, cancellationToken);

        var active = learning.Where(c => c.Status == EnrolmentRow.Active).Select(c => c.CourseId).ToList();
        var items = new List<UpcomingItem>();
        foreach (var source in upcoming)
        {
            items.AddRange(await source.ForLearnerAsync(accountId, active, cancellationToken));
        }

        return new Dashboard(learning, tutoring, items.Where(i => i.At >= SiteClock.Now(time)).OrderBy(i => i.At).Take(20).ToList());
    }
}
