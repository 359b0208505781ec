using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>
/// An administrator overrides how people join a course (method, key, capacity, window) or takes it out of the
/// catalog. The settings replace the pack's capacity and window as a whole (empty: no limit); an empty method or key
/// follows the pack. Raising the capacity moves the waiting list up.
/// </summary>
public sealed record UpdateCourseSettings(
    string CourseId, bool Listed = true, string? EnrolmentMode = null, string? EnrolmentKey = null, int? Capacity = null,
    DateOnly? Opens = null, DateOnly? Closes = null) : ICommand<CourseSummary>, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.AdministerSite);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (EnrolmentMode is not (null or "open" or "key" or "approval"))
        {
            yield return ("enrolmentMode", "Enrolment is open, key or approval (or empty to follow the pack).");
        }

        if (EnrolmentMode == "key" && string.IsNullOrWhiteSpace(EnrolmentKey))
        {
            yield return ("enrolmentKey", "Give the key learners must enter.");
        }

        if (EnrolmentKey is { Length: > 200 })
        {
            yield return ("enrolmentKey", "A key has at most 200 characters.");
        }

        if (Capacity is <= 0 or > 100_000)
        {
            yield return ("capacity", "Capacity is a whole number from 1 to 100,000, or empty.");
        }

        if (Opens is { } opens && Closes is { } closes && closes < opens)
        {
            yield return ("closes", "Enrolment cannot close before it opens.");
        }
    }
}

public sealed class UpdateCourseSettingsHandler(IDatabase database, PackCatalog catalog, CurrentActor current, TimeProvider time)
    : ICommandHandler<UpdateCourseSettings, CourseSummary>
{
    public async ValueTask<CourseSummary> Handle(UpdateCourseSettings command, CancellationToken cancellationToken)
    {
        var pack = catalog.RequirePack(command.CourseId).Pack;
        var now = SiteClock.Now(time);
        return await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("""
                INSERT INTO course_setting (course_id, listed, enrolment_mode, enrolment_key, capacity, opens_on, closes_on, updated_at, updated_by)
                VALUES (@CourseId, @Listed, @EnrolmentMode, @EnrolmentKey, @Capacity, @Opens, @Closes, @Now, @By)
                ON CONFLICT (course_id) DO UPDATE SET listed = excluded.listed, enrolment_mode = excluded.enrolment_mode,
                    enrolment_key = excluded.enrolment_key, capacity = excluded.capacity, opens_on = excluded.opens_on,
                    closes_on = excluded.closes_on, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, new
            {
                command.CourseId, Listed = command.Listed ? 1 : 0, command.EnrolmentMode, EnrolmentKey = command.EnrolmentKey?.Trim(),
                command.Capacity, command.Opens, command.Closes, Now = now, By = current.Actor.AccountId,
            }, transaction);
            var rules = await EnrolmentRules.ReadAsync(connection, pack, cancellationToken, transaction);
            var cohorts = (await connection.QueryAsync<long?>("SELECT id FROM cohort WHERE course_id = @CourseId", new { command.CourseId }, transaction)).ToList();
            foreach (var cohortId in cohorts.Count == 0 ? [null] : cohorts)
            {
                await Places.MoveUpAsync(connection, transaction, pack.Id, pack.Title, cohortId, rules, now);
            }

            await Audit.RecordAsync(connection, transaction, current.Actor.AccountId, "course.settings", $"course:{pack.Id}", null, now);
            return CourseSummary.Of(pack, rules);
        }, cancellationToken);
    }
}
