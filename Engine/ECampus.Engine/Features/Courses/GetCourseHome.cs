using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>
/// The course home (and the progress API): every module with its state, the share done, the next step, and the
/// learning goals. Tutors, authors and administrators see the modules without a record of their own.
/// </summary>
public sealed record GetCourseHome(string CourseId) : IQuery<CourseHome>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.TakeCourse, CourseId);
}

public sealed record CourseHome(
    string CourseId, string Title, string Format, bool IsLearner, long? CohortId, string? CohortName, DateOnly? CohortStartsOn,
    CourseProgress Progress, string? GoalsPrompt, int GoalsMin, int GoalsMax, IReadOnlyList<GoalRow> Goals, bool CanRateGoals,
    DateTimeOffset? CompletedAt, string Language, IReadOnlyList<string> Languages, string? PreAssessment, string? PostAssessment);

public sealed class GetCourseHomeHandler(IDatabase database, PackCatalog catalog, LearnerRecords records, ICurrentActor current, TimeProvider time)
    : IQueryHandler<GetCourseHome, CourseHome>
{
    public async ValueTask<CourseHome> Handle(GetCourseHome query, CancellationToken cancellationToken)
    {
        var pack = catalog.RequirePack(query.CourseId).Pack;
        var record = await database.ReadAsync(
            connection => records.ReadAsync(connection, pack.Id, current.Actor.AccountId!.Value, cancellationToken), cancellationToken);
        if (!record.IsActiveLearner)
        {
            record = LearnerRecord.None;
        }

        var progress = CourseProgress.Of(pack, record, CourseAccess.Today(time));
        return new CourseHome(
            pack.Id, pack.Title, CourseSummary.FormatName(pack.Format), record.IsActiveLearner, record.Cohort?.Id, record.Cohort?.Name,
            record.Cohort?.StartsOn, progress, pack.LearningGoals?.Prompt, pack.LearningGoals?.Min ?? 0, pack.LearningGoals?.Max ?? 0,
            record.Goals, Goals.CanRate(pack, record, progress), record.CompletedAt,
            record.Enrolment?.Language ?? pack.Language, [pack.Language, .. pack.Languages],
            record.IsActiveLearner && pack.Assessment.Pre is { } pre && !record.CompletedActivities.Contains(pre) ? pre : null,
            record.IsActiveLearner && pack.Assessment.Post is { } post && !record.CompletedActivities.Contains(post)
                && OnlyThePostAssessmentLeft(pack, progress, post) ? post : null);
    }

    /// <summary>
    /// Every module is done, apart from open modules that hold the post-course assessment: a pack may put it in its last
    /// module, which then completes only once the assessment is taken.
    /// </summary>
    private static bool OnlyThePostAssessmentLeft(ECampus.Content.Pack pack, CourseProgress progress, string post) =>
        progress.Modules.Where(m => m.State is not (ModuleState.Done or ModuleState.Archived)).All(status =>
            status.State != ModuleState.Locked
            && pack.Modules.FirstOrDefault(m => m.Id == status.ModuleId) is { } module
            && module.Activities.Any(a => a.Id == post));
}
