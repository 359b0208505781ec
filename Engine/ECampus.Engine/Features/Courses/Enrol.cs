using System.Security.Cryptography;
using System.Text;
using Dapper;
using ECampus.Content;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>
/// A signed-in person joins a course: at once when enrolment is open (or with the right key), as a request when a
/// tutor or administrator must approve, on the waiting list when the course or cohort is full.
/// </summary>
public sealed record Enrol(string CourseId, string? Key = null, long? CohortId = null) : ICommand<EnrolmentOutcome>, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Key is { Length: > 200 })
        {
            yield return ("key", "An enrolment key has at most 200 characters.");
        }
    }
}

/// <summary>Where the person stands after asking to join.</summary>
public sealed record EnrolmentOutcome(string CourseId, string Status, long? CohortId, long? WaitlistPosition);

public sealed class EnrolHandler(IDatabase database, PackCatalog catalog, CurrentActor current, IEngineEvents events, TimeProvider time)
    : ICommandHandler<Enrol, EnrolmentOutcome>
{
    public async ValueTask<EnrolmentOutcome> Handle(Enrol command, CancellationToken cancellationToken)
    {
        var course = catalog.RequirePack(command.CourseId);
        var pack = course.Pack;
        var actor = current.Actor;
        var accountId = actor.AccountId!.Value;
        var now = SiteClock.Now(time);
        var today = CourseAccess.Today(time);

        var (outcome, enrolled) = await database.WriteAsync(async (connection, transaction) =>
        {
            var rules = await EnrolmentRules.ReadAsync(connection, pack, cancellationToken, transaction);
            if (!rules.Listed && !actor.IsStaff())
            {
                throw new NotFoundException("There is no such course.");
            }

            var existing = await connection.QuerySingleOrDefaultAsync<EnrolmentRow>(
                "SELECT id, account_id, cohort_id, status, language, queued_at, enrolled_at, reason FROM enrolment WHERE course_id = @CourseId AND account_id = @AccountId",
                new { command.CourseId, AccountId = accountId }, transaction);
            if (existing is { Status: EnrolmentRow.Active or EnrolmentRow.Requested or EnrolmentRow.Waitlisted })
            {
                return (await OutcomeAsync(connection, transaction, existing.Id, existing.Status, existing.CohortId), (StagedEvent?)null);
            }

            if (existing is { Status: EnrolmentRow.Removed })
            {
                throw new ConflictException("A tutor removed you from this course. Ask them or an administrator to take you back.");
            }

            if (rules.ClosedReason(today) is { } closed)
            {
                throw new ConflictException(closed);
            }

            if (rules.Mode == EnrolmentMode.Key && !KeyMatches(rules.Key, command.Key))
            {
                throw InvalidInputException.For("key", command.Key is null ? "This course needs an enrolment key." : "That enrolment key is not right.");
            }

            var cohortId = pack.Schedule is null ? null : (long?)await ChooseCohortAsync(connection, transaction, pack, command.CohortId, today, now);
            var status = rules.Mode == EnrolmentMode.Approval ? EnrolmentRow.Requested
                : await Places.HasRoomAsync(connection, transaction, pack.Id, cohortId, rules) ? EnrolmentRow.Active
                : EnrolmentRow.Waitlisted;

            var enrolmentId = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO enrolment (course_id, account_id, cohort_id, status, queued_at)
                VALUES (@CourseId, @AccountId, @CohortId, @Status, @Now)
                ON CONFLICT (course_id, account_id) DO UPDATE SET
                    cohort_id = excluded.cohort_id, status = excluded.status, queued_at = excluded.queued_at,
                    decided_at = NULL, decided_by = NULL, reason = NULL
                RETURNING id
                """, new { command.CourseId, AccountId = accountId, CohortId = cohortId, Status = status, Now = now }, transaction);
            if (status == EnrolmentRow.Active)
            {
                await Places.GrantAsync(connection, transaction, enrolmentId, now);
            }

            await Audit.RecordAsync(connection, transaction, accountId, $"enrolment.{status}", $"course:{pack.Id}", cohortId is null ? null : $"cohort {cohortId}", now);
            var enrolled = status == EnrolmentRow.Active
                ? await events.StageAsync(connection, transaction, new LearnerEnrolled(accountId, pack.Id, cohortId?.ToString(System.Globalization.CultureInfo.InvariantCulture), now), cancellationToken)
                : null;
            return (await OutcomeAsync(connection, transaction, enrolmentId, status, cohortId), enrolled);
        }, cancellationToken);

        if (enrolled is not null)
        {
            await events.PublishAsync(enrolled, cancellationToken);
        }

        return outcome;

        async Task<EnrolmentOutcome> OutcomeAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long enrolmentId, string status, long? cohortId) =>
            new(pack.Id, status, cohortId,
                status == EnrolmentRow.Waitlisted ? await Places.WaitlistPositionAsync(connection, pack.Id, cohortId, enrolmentId, transaction) : null);
    }

    /// <summary>
    /// The cohort asked for, else the next one to start (or the last one started): a cohort-paced course always enrols
    /// into a cohort. The first enrolment of a course with none creates the one its pack schedules.
    /// </summary>
    private static async Task<long> ChooseCohortAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, Pack pack, long? asked, DateOnly today, DateTimeOffset now)
    {
        if (asked is { } cohortId)
        {
            return await connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM cohort WHERE id = @CohortId AND course_id = @CourseId", new { CohortId = cohortId, CourseId = pack.Id }, transaction)
                ?? throw InvalidInputException.For("cohortId", "This course has no such cohort.");
        }

        var chosen = await connection.ExecuteScalarAsync<long?>("""
            SELECT id FROM cohort WHERE course_id = @CourseId
            ORDER BY CASE WHEN starts_on >= @Today THEN 0 ELSE 1 END,
                     CASE WHEN starts_on >= @Today THEN starts_on END,
                     starts_on DESC
            LIMIT 1
            """, new { CourseId = pack.Id, Today = today }, transaction);
        return chosen ?? await Cohorts.CreateAsync(connection, transaction, pack.Id, Cohorts.DefaultName(pack.Schedule!.Start), pack.Schedule.Start, null, now);
    }

    private static bool KeyMatches(string? expected, string? given) =>
        expected is not null && given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected.Trim()), Encoding.UTF8.GetBytes(given.Trim()));
}
