using Dapper;
using ECampus.Sdk;

namespace ECampus.Engine.Courses;

/// <summary>
/// Records activities that plug-ins report complete, completes the modules whose activities are now all complete,
/// and the course when its rules are met — raising the module and course events once each.
/// </summary>
public sealed class ActivityCompletions(IDatabase database, PackCatalog catalog, Completion completion, IEngineEvents events)
    : IEngineEventHandler<ActivityCompleted>
{
    public async ValueTask HandleAsync(ActivityCompleted engineEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engineEvent);
        if (catalog.Find(engineEvent.CourseId)?.Pack is not { } pack)
        {
            return;
        }

        var staged = await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("""
                INSERT INTO activity_completion (course_id, account_id, activity_type, activity_id, completed_at)
                VALUES (@CourseId, @AccountId, @ActivityType, @ActivityId, @At) ON CONFLICT DO NOTHING
                """, engineEvent, transaction);
            var record = await LearnerRecord.ReadAsync(connection, pack.Id, engineEvent.AccountId, cancellationToken, transaction);
            var staged = new List<StagedEvent>();
            if (!record.IsActiveLearner)
            {
                return staged;
            }

            foreach (var module in pack.Modules.Where(m => m.Activities.Any(a => a.Id == engineEvent.ActivityId)))
            {
                var required = completion.RequiredActivities(module);
                if (required.Count > 0 && required.All(a => record.CompletedActivities.Contains(a.Id))
                    && await Completion.RecordModuleAsync(connection, transaction, pack, module, engineEvent.AccountId, "activities", engineEvent.At))
                {
                    staged.Add(await events.StageAsync(connection, transaction, new ModuleCompleted(engineEvent.AccountId, pack.Id, module.Id, engineEvent.At), cancellationToken));
                }
            }

            if (await Completion.RecordCourseIfCompleteAsync(connection, transaction, pack, engineEvent.AccountId, engineEvent.At, cancellationToken))
            {
                staged.Add(await events.StageAsync(connection, transaction, new CourseCompleted(
                    engineEvent.AccountId, pack.Id, record.Enrolment!.CohortId?.ToString(System.Globalization.CultureInfo.InvariantCulture), engineEvent.At), cancellationToken));
            }

            return staged;
        }, cancellationToken);

        foreach (var completed in staged)
        {
            await events.PublishAsync(completed, cancellationToken);
        }
    }
}
