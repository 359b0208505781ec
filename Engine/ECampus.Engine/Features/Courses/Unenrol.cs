using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>A learner leaves a course (or withdraws a request, or leaves the waiting list). Their records stay.</summary>
public sealed record Unenrol(string CourseId) : ICommand, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed class UnenrolHandler(IDatabase database, PackCatalog catalog, CurrentActor current, TimeProvider time) : ICommandHandler<Unenrol>
{
    public async ValueTask<Unit> Handle(Unenrol command, CancellationToken cancellationToken)
    {
        var pack = catalog.RequirePack(command.CourseId).Pack;
        var accountId = current.Actor.AccountId!.Value;
        var now = SiteClock.Now(time);
        await database.WriteAsync(async (connection, transaction) =>
        {
            var enrolment = await connection.QuerySingleOrDefaultAsync<(long Id, string Status, long? CohortId)?>(
                "SELECT id, status, cohort_id FROM enrolment WHERE course_id = @CourseId AND account_id = @AccountId",
                new { command.CourseId, AccountId = accountId }, transaction);
            if (enrolment is not { Status: EnrolmentRow.Active or EnrolmentRow.Requested or EnrolmentRow.Waitlisted } held)
            {
                throw new ConflictException("You are not enrolled in this course.");
            }

            await Places.VacateAsync(connection, transaction, pack, held.Id, held.Status, held.CohortId, EnrolmentRow.Withdrawn, accountId, null, now, cancellationToken);
            return 0;
        }, cancellationToken);
        return Unit.Value;
    }
}
