using Dapper;
using ECampus.Content;
using ECampus.Sdk;

namespace ECampus.Engine.Courses;

/// <summary>The engine's answer to plug-ins asking about courses: served packs and learners' records.</summary>
public sealed class CourseDirectory(PackCatalog catalog, LearnerRecords records, IDatabase database, TimeProvider time) : ICourseDirectory
{
    public CourseInfo? Find(string courseId) => catalog.Find(courseId)?.Pack is { } pack
        ? new CourseInfo(
            pack.Id, pack.Title, CourseSummary.FormatName(pack.Format), pack.Language, [pack.Language, .. pack.Languages], pack.ContentHash,
            pack.Assessment.Pre, pack.Assessment.Post, pack.Assessment.PreRequired,
            [.. pack.Activities.Select(a => new ActivityInfo(a.Id, a.Type, a.Title)
            {
                ModuleId = pack.Modules.FirstOrDefault(m => m.Activities.Any(r => r.Id == a.Id))?.Id,
            })])
        : null;

    public ActivityFile? FindActivity(string courseId, string activityId, string? language = null)
    {
        if (catalog.Find(courseId)?.Pack is not { } pack || pack.FindActivity(activityId) is not { } original)
        {
            return null;
        }

        var activity = language is not null && pack.Translations.TryGetValue(language, out var translation)
            && translation.Activities.TryGetValue(activityId, out var translated)
            ? translated
            : original;
        return new ActivityFile(activity.Id, activity.Type, activity.Title, activity.SourceFile, activity.Format, activity.Text);
    }

    public async ValueTask<LearnerPlace?> LearnerAsync(string courseId, long accountId, CancellationToken cancellationToken)
    {
        if (catalog.Find(courseId)?.Pack is not { } pack)
        {
            return null;
        }

        var record = await database.ReadAsync(connection => records.ReadAsync(connection, pack.Id, accountId, cancellationToken), cancellationToken);
        if (!record.IsActiveLearner)
        {
            return null;
        }

        var progress = CourseProgress.Of(pack, record, CourseAccess.Today(time));
        return new LearnerPlace(
            accountId, pack.Id, record.Cohort?.Id, record.Cohort?.Name, record.Cohort?.StartsOn, record.Enrolment!.Language ?? pack.Language,
            progress.DoneCount, progress.ModuleCount, record.CompletedActivities)
        {
            ModulesNotDone = progress.Modules.Where(m => m.State is not (ModuleState.Done or ModuleState.Archived)).Select(m => m.ModuleId).ToHashSet(StringComparer.Ordinal),
        };
    }

    public async ValueTask<IReadOnlySet<long>?> TaughtCohortsAsync(Actor actor, string courseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.AccountId is null && !actor.IsSystem
            ? new HashSet<long>()
            : await database.ReadAsync(connection => CourseAccess.TaughtCohortsAsync(connection, actor, courseId, cancellationToken), cancellationToken);
    }

    public async ValueTask<IReadOnlyDictionary<long, string>> DisplayNamesAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        if (accountIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var rows = await database.ReadAsync(
            connection => connection.QueryAsync<(long Id, string Name)>(
                new CommandDefinition("SELECT id, display_name FROM account WHERE id IN (SELECT value FROM json_each(@ids))",
                    new { ids = System.Text.Json.JsonSerializer.Serialize(accountIds) }, cancellationToken: cancellationToken)),
            cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Name);
    }

    public string? RenderMarkdown(string courseId, string sourceFile, string markdown) =>
        catalog.Find(courseId) is { } course ? course.RenderText(sourceFile, markdown) : null;
}
