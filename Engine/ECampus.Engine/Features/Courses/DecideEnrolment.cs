using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Engine.Courses;
using ECampus.Engine.Mail;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>
/// A tutor of the learner's cohort (or an administrator) decides on a request for a place: approved, the learner gets
/// a place (or the waiting list when full); rejected, they are told why. Also takes back a removed learner.
/// </summary>
public sealed record DecideEnrolment(string CourseId, long EnrolmentId, bool Approve, string? Reason = null)
    : ICommand<EnrolmentOutcome>, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.TeachCourse, CourseId);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Reason is { Length: > 1000 })
        {
            yield return ("reason", "Give a reason of at most 1,000 characters.");
        }

        if (!Approve && string.IsNullOrWhiteSpace(Reason))
        {
            yield return ("reason", "Say why the request is turned down; the learner reads it.");
        }
    }
}

public sealed class DecideEnrolmentHandler(IDatabase database, PackCatalog catalog, CurrentActor current, IEngineEvents events, TimeProvider time)
    : ICommandHandler<DecideEnrolment, EnrolmentOutcome>
{
    public async ValueTask<EnrolmentOutcome> Handle(DecideEnrolment command, CancellationToken cancellationToken)
    {
        var pack = catalog.RequirePack(command.CourseId).Pack;
        var actor = current.Actor;
        var now = SiteClock.Now(time);
        var (outcome, enrolled) = await database.WriteAsync(async (connection, transaction) =>
        {
            var enrolment = await connection.QuerySingleOrDefaultAsync<(long Id, long AccountId, string Status, long? CohortId, string Email)?>("""
                SELECT e.id, e.account_id, e.status, e.cohort_id, a.email FROM enrolment e JOIN account a ON a.id = e.account_id
                WHERE e.id = @EnrolmentId AND e.course_id = @CourseId
                """, new { command.EnrolmentId, command.CourseId }, transaction)
                ?? throw new NotFoundException("There is no such enrolment in this course.");
            await CourseAccess.RequireCohortTutorAsync(connection, actor, enrolment.CohortId, cancellationToken, transaction);
            if (enrolment.Status is not (EnrolmentRow.Requested or EnrolmentRow.Removed or EnrolmentRow.Rejected or EnrolmentRow.Waitlisted))
            {
                throw new ConflictException($"This enrolment is {enrolment.Status}; there is nothing to decide.");
            }

            string status;
            if (command.Approve)
            {
                var rules = await EnrolmentRules.ReadAsync(connection, pack, cancellationToken, transaction);
                if (await Places.HasRoomAsync(connection, transaction, pack.Id, enrolment.CohortId, rules))
                {
                    await Places.GrantAsync(connection, transaction, enrolment.Id, now);
                    status = EnrolmentRow.Active;
                }
                else
                {
                    status = EnrolmentRow.Waitlisted;
                    await connection.ExecuteAsync("UPDATE enrolment SET status = 'waitlisted' WHERE id = @Id", new { enrolment.Id }, transaction);
                }

                await connection.ExecuteAsync(
                    "UPDATE enrolment SET decided_at = @Now, decided_by = @By, reason = @Reason WHERE id = @Id",
                    new { Now = now, By = actor.AccountId, command.Reason, enrolment.Id }, transaction);
                await MailOutbox.EnqueueAsync(connection, transaction, enrolment.Email, $"Your place in {pack.Title}",
                    status == EnrolmentRow.Active
                        ? $"Your request to join \"{pack.Title}\" was approved. The course is on your dashboard."
                        : $"Your request to join \"{pack.Title}\" was approved, and the course is full: you are on the waiting list and will get the next free place.",
                    now);
            }
            else
            {
                status = EnrolmentRow.Rejected;
                await Places.ReleaseAsync(connection, transaction, enrolment.Id, EnrolmentRow.Rejected, actor.AccountId, command.Reason, now);
                await MailOutbox.EnqueueAsync(connection, transaction, enrolment.Email, $"Your request to join {pack.Title}",
                    $"Your request to join \"{pack.Title}\" was not accepted. The reason given: {command.Reason}", now);
            }

            await Audit.RecordAsync(connection, transaction, actor.AccountId, $"enrolment.{(command.Approve ? "approved" : "rejected")}",
                $"course:{pack.Id}", $"enrolment {enrolment.Id}: {command.Reason}", now);
            var position = status == EnrolmentRow.Waitlisted
                ? await Places.WaitlistPositionAsync(connection, pack.Id, enrolment.CohortId, enrolment.Id, transaction)
                : (long?)null;
            var enrolled = status == EnrolmentRow.Active
                ? await events.StageAsync(connection, transaction, new LearnerEnrolled(enrolment.AccountId, pack.Id, enrolment.CohortId?.ToString(System.Globalization.CultureInfo.InvariantCulture), now), cancellationToken)
                : null;
            return (new EnrolmentOutcome(pack.Id, status, enrolment.CohortId, position), enrolled);
        }, cancellationToken);

        if (enrolled is not null)
        {
            await events.PublishAsync(enrolled, cancellationToken);
        }

        return outcome;
    }
}
