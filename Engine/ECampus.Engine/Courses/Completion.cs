using System.Data.Common;
using Dapper;
using ECampus.Content;
using ECampus.Engine.Plugins;

namespace ECampus.Engine.Courses;

/// <summary>
/// How modules and courses complete. A module that uses activities of a type some plug-in runs (a quiz, an
/// assignment) completes by itself when they are all complete; any other module the learner marks as done. A course
/// completes when its pack's completion rules are met, once per learner.
/// </summary>
public sealed class Completion(PluginHost? plugins = null)
{

    /// <summary>The activities of <paramref name="module"/> that complete it, or none when the learner marks it done.</summary>
    public IReadOnlyList<ActivityRef> RequiredActivities(PackModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var tracked = (plugins?.Enabled.SelectMany(p => p.ActivityTypes).Select(t => t.Name) ?? []).ToHashSet(StringComparer.Ordinal);
        return module.Activities.Where(a => tracked.Contains(a.Type)).ToList();
    }

    /// <summary>True when the pack's completion rules are met by the learner's record.</summary>
    public static bool IsCourseComplete(Pack pack, LearnerRecord record)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(record);
        var rules = pack.Completion;
        var modules = rules.AllModules ? pack.Modules.Select(m => m.Id) : rules.Modules;
        if (!modules.All(id => record.Progress.TryGetValue(id, out var p) && p.IsDone))
        {
            return false;
        }

        if (!rules.Activities.All(record.CompletedActivities.Contains))
        {
            return false;
        }

        var webinars = pack.Activities.Where(a => a.Type == ActivityType.Webinar.Name).Select(a => a.Id).ToList();
        if (rules.MinWebinarAttendancePercent > 0 && webinars.Count > 0)
        {
            var attended = webinars.Count(record.CompletedActivities.Contains);
            return attended * 100 >= rules.MinWebinarAttendancePercent * webinars.Count;
        }

        return true;
    }

    /// <summary>
    /// Records the course as completed when its rules are now met and it was not before; true when this call did it,
    /// so the caller raises the "course completed" event exactly once.
    /// </summary>
    public static async Task<bool> RecordCourseIfCompleteAsync(
        DbConnection connection, DbTransaction transaction, Pack pack, long accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var record = await LearnerRecord.ReadAsync(connection, pack.Id, accountId, cancellationToken, transaction);
        if (record.CompletedAt is not null || !record.IsActiveLearner || !IsCourseComplete(pack, record))
        {
            return false;
        }

        var inserted = await connection.ExecuteAsync("""
            INSERT INTO course_completion (course_id, account_id, cohort_id, completed_at, content_hash)
            VALUES (@CourseId, @AccountId, @CohortId, @Now, @Hash) ON CONFLICT DO NOTHING
            """, new { CourseId = pack.Id, AccountId = accountId, record.Enrolment!.CohortId, Now = now, Hash = pack.ContentHash }, transaction);
        return inserted == 1;
    }

    /// <summary>Marks a module done (by the learner, or by its activities); false when it already was.</summary>
    public static async Task<bool> RecordModuleAsync(
        DbConnection connection, DbTransaction transaction, Pack pack, PackModule module, long accountId, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(module);
        return await connection.ExecuteAsync("""
            INSERT INTO module_progress (course_id, account_id, module_id, module_title, started_at, completed_at, completed_by, content_hash)
            VALUES (@CourseId, @AccountId, @ModuleId, @Title, @Now, @Now, @By, @Hash)
            ON CONFLICT (course_id, account_id, module_id) DO UPDATE SET
                completed_at = excluded.completed_at, completed_by = excluded.completed_by,
                module_title = excluded.module_title, content_hash = excluded.content_hash
            WHERE module_progress.completed_at IS NULL
            """, new { CourseId = pack.Id, AccountId = accountId, ModuleId = module.Id, module.Title, Now = now, By = by, Hash = pack.ContentHash }, transaction) == 1;
    }
}
