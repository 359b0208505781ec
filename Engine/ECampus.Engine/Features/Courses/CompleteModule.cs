using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>
/// A learner marks a module as done. Refused when the module is locked, and when it completes by itself through its
/// activities. Completing the last required piece completes the course, once.
/// </summary>
public sealed record CompleteModule(string CourseId, string ModuleId) : ICommand<ModuleCompletion>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.TakeCourse, CourseId);
}

public sealed record ModuleCompletion(string ModuleId, DateTimeOffset CompletedAt, int Percent, bool CourseCompleted, string? NextModuleId);

public sealed class CompleteModuleHandler(IDatabase database, PackCatalog catalog, ICurrentActor current, Completion completion, IEngineEvents events, TimeProvider time)
    : ICommandHandler<CompleteModule, ModuleCompletion>
{
    public async ValueTask<ModuleCompletion> Handle(CompleteModule command, CancellationToken cancellationToken)
    {
        var pack = catalog.RequirePack(command.CourseId).Pack;
        var module = pack.FindModule(command.ModuleId) ?? throw new NotFoundException("This course has no such module.");
        var completesByActivities = completion.RequiredActivities(module).Count > 0;
        var accountId = current.Actor.AccountId!.Value;
        var now = SiteClock.Now(time);
        var today = CourseAccess.Today(time);
        var (staged, courseCompleted, progress) = await database.WriteAsync(async (connection, transaction) =>
        {
            var record = await LearnerRecord.ReadAsync(connection, pack.Id, accountId, cancellationToken, transaction);
            if (!record.IsActiveLearner)
            {
                throw new AccessDeniedException("Only learners enrolled in this course record progress in it.");
            }

            var status = CourseProgress.Of(pack, record, today).Find(module.Id)!;
            if (status.State == ModuleState.Locked)
            {
                throw new AccessDeniedException($"This module is locked. {status.LockedReason}");
            }

            if (completesByActivities)
            {
                throw new ConflictException("This module completes by itself when its activities are complete.");
            }

            var newly = await Completion.RecordModuleAsync(connection, transaction, pack, module, accountId, "learner", now);
            var courseCompleted = newly && await Completion.RecordCourseIfCompleteAsync(connection, transaction, pack, accountId, now, cancellationToken);
            var after = await LearnerRecord.ReadAsync(connection, pack.Id, accountId, cancellationToken, transaction);
            var staged = new List<StagedEvent>();
            if (newly)
            {
                staged.Add(await events.StageAsync(connection, transaction, new ModuleCompleted(accountId, pack.Id, module.Id, now), cancellationToken));
            }

            if (courseCompleted)
            {
                staged.Add(await events.StageAsync(connection, transaction,
                    new CourseCompleted(accountId, pack.Id, record.Enrolment!.CohortId?.ToString(System.Globalization.CultureInfo.InvariantCulture), now), cancellationToken));
            }

            return (staged, courseCompleted, CourseProgress.Of(pack, after, today));
        }, cancellationToken);

        foreach (var completed in staged)
        {
            await events.PublishAsync(completed, cancellationToken);
        }

        var completedAt = progress.Find(module.Id)?.CompletedAt ?? now;
        return new ModuleCompletion(module.Id, completedAt, progress.Percent, courseCompleted, progress.Next?.ModuleId);
    }
}
