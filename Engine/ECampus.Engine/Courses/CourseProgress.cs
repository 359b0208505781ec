using System.Globalization;
using ECampus.Content;

namespace ECampus.Engine.Courses;

/// <summary>Where a module stands for one learner.</summary>
public enum ModuleState
{
    Locked,
    Available,
    InProgress,
    Done,

    /// <summary>The learner worked on it, and it has since left the pack; the record is kept.</summary>
    Archived,
}

/// <summary>One module as a learner sees it on the course home.</summary>
public sealed record ModuleStatus(
    string ModuleId, string Title, int? Week, int EffortMinutes, ModuleState State, string? LockedReason, DateOnly? OpensOn, DateTimeOffset? CompletedAt);

/// <summary>A learner's whole course at a glance: each module's state, the share done and the next step.</summary>
public sealed record CourseProgress(
    IReadOnlyList<ModuleStatus> Modules, int DoneCount, int ModuleCount, ModuleStatus? Next, bool GoalsDue, bool PreAssessmentDue)
{
    /// <summary>Whole per cent of the pack's current modules done.</summary>
    public int Percent => ModuleCount == 0 ? 0 : DoneCount * 100 / ModuleCount;

    public ModuleStatus? Find(string moduleId) => Modules.FirstOrDefault(m => m.ModuleId == moduleId);

    /// <summary>
    /// Works out every module's state from the pack's unlock rules and the learner's record, on <paramref name="today"/>.
    /// A module is locked until its day comes (the cohort's own calendar for cohort-paced courses), until the modules it
    /// waits for are done, and — when the course asks for learning goals — until the learner has written them.
    /// </summary>
    public static CourseProgress Of(Pack pack, LearnerRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(record);
        var goalsDue = pack.LearningGoals is { Min: > 0 } && record.Goals.Count < pack.LearningGoals.Min;
        var preAssessmentDue = pack.Assessment is { PreRequired: true, Pre: { } pre } && !record.CompletedActivities.Contains(pre);
        var titles = pack.Modules.ToDictionary(m => m.Id, m => m.Title, StringComparer.Ordinal);
        bool IsDone(string moduleId) => record.Progress.TryGetValue(moduleId, out var p) && p.IsDone;

        var modules = new List<ModuleStatus>(pack.Modules.Count + record.Progress.Count);
        for (var index = 0; index < pack.Modules.Count; index++)
        {
            var module = pack.Modules[index];
            record.Progress.TryGetValue(module.Id, out var progress);
            var opensOn = OpensOn(pack, module, record.Cohort);
            string? lockedReason = null;
            if (goalsDue)
            {
                lockedReason = "Write your learning goals first.";
            }
            else if (preAssessmentDue)
            {
                lockedReason = "Take the pre-course assessment first.";
            }
            else if (opensOn is { } day && day > today)
            {
                lockedReason = $"Opens on {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.";
            }
            else
            {
                var waitsFor = module.Unlock.Requires.ToList();
                if (module.Unlock.Kind == UnlockKind.AfterPrevious && index > 0)
                {
                    waitsFor.Insert(0, pack.Modules[index - 1].Id);
                }

                if (waitsFor.FirstOrDefault(id => !IsDone(id)) is { } first)
                {
                    lockedReason = $"Finish “{titles.GetValueOrDefault(first, first)}” first.";
                }
            }

            var state = progress switch
            {
                { IsDone: true } => ModuleState.Done,
                _ when lockedReason is not null => ModuleState.Locked,
                not null => ModuleState.InProgress,
                _ => ModuleState.Available,
            };
            modules.Add(new ModuleStatus(module.Id, module.Title, module.Week, module.EffortMinutes, state,
                state == ModuleState.Locked ? lockedReason : null, opensOn, progress?.CompletedAt));
        }

        var doneCount = modules.Count(m => m.State == ModuleState.Done);
        var next = modules.FirstOrDefault(m => m.State == ModuleState.InProgress)
            ?? modules.FirstOrDefault(m => m.State == ModuleState.Available);
        foreach (var archived in record.Progress.Values.Where(p => !titles.ContainsKey(p.ModuleId)).OrderBy(p => p.StartedAt))
        {
            modules.Add(new ModuleStatus(archived.ModuleId, archived.ModuleTitle, null, 0, ModuleState.Archived, null, null, archived.CompletedAt));
        }

        return new CourseProgress(modules, doneCount, pack.Modules.Count, next, goalsDue, preAssessmentDue);
    }

    /// <summary>
    /// The day an <c>on-date</c> module opens: its own <c>opens</c> day, else its week counted from the learner's cohort
    /// start (or the pack's schedule when the learner has no cohort yet).
    /// </summary>
    public static DateOnly? OpensOn(Pack pack, PackModule module, CohortRow? cohort)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(module);
        if (module.Unlock.Kind != UnlockKind.OnDate)
        {
            return null;
        }

        if (module.Unlock.DateFromWeek && module.Week is { } week && cohort is not null)
        {
            return cohort.StartsOn.AddDays((week - 1) * 7);
        }

        return module.Unlock.Date;
    }
}
