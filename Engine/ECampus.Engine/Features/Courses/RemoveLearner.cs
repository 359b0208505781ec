using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>A tutor of the learner's cohort (or an administrator) removes a learner; the learner's records stay.</summary>
public sealed record RemoveLearner(string CourseId, long EnrolmentId, string? Reason = null) : ICommand, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.TeachCourse, CourseId);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Reason is { Length: > 1000 })
        {
            yield return ("reason", "Give a reason of at most 1,000 characters.");
        }
    }
}

public sealed class RemoveLearnerHandler(IDatabase database, PackCatalog catalog, CurrentActor current, TimeProvider time) : ICommandHandler<RemoveLearner>
{
    public async ValueTask<Unit> Handle(RemoveLearner command, CancellationToken cancellationToken)
    {
        var pack = catalog.RequirePack(command.CourseId).Pack;
        var actor = current.Actor;
        var now = SiteClock.Now(time);
        await database.WriteAsync(async (connection, transaction) =>
        {
            var enrolment = await connection.QuerySingleOrDefaultAsync<(long Id, string Status, long? CohortId)?>(
                "SELECT id, status, cohort_id FROM enrolment WHERE id = @EnrolmentId AND course_id = @CourseId",
                new { command.EnrolmentId, command.CourseId }, transaction)
                ?? throw new NotFoundException("There is no such enrolment in this course.");
            await CourseAccess.RequireCohortTutorAsync(connection, actor, enrolment.CohortId, cancellationToken, transaction);
            if (enrolment.Status is not (EnrolmentRow.Active or EnrolmentRow.Waitlisted or EnrolmentRow.Requested))
            {
                throw new ConflictException($"This enrolment is already {enrolment.Status}.");
            }

            await Places.VacateAsync(connection, transaction, pack, enrolment.Id, enrolment.Status, enrolment.CohortId, EnrolmentRow.Removed, actor.AccountId, command.Reason, now, cancellationToken);
            return 0;
        }, cancellationToken);
        return Unit.Value;
    }
}
