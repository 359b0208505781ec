using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Courses;

/// <summary>
/// A module page: its content in the reader's language (rendered once per pack version), its state, previous and
/// next. Enrolled learners, the course's tutors, authors and administrators read it; anyone reads the first module
/// of a course that allows a preview. A locked module is refused to its learner with the reason. A learner's first
/// visit starts the module; asking for another language remembers the choice for the course.
/// </summary>
public sealed record GetModule(string CourseId, string ModuleId, string? Language = null) : IQuery<ModulePage>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.ViewCourse, CourseId);
}

public sealed record ModuleLink(string Id, string Title);

/// <summary>An activity of the module that a plug-in runs (a quiz), with whether the learner has completed it.</summary>
public sealed record ModuleActivity(string Id, string Type, string Title, bool Done);

public sealed record ModulePage(
    string CourseId, string CourseTitle, string ModuleId, string Title, string Html, string Language, string DefaultLanguage,
    IReadOnlyList<string> Languages, ModuleStatus Status, ModuleLink? Previous, ModuleLink? Next, int Position, int ModuleCount,
    int Percent, bool IsLearner, bool IsPreview, bool CompletesByActivities, string ContentHash)
{
    /// <summary>The module's activities that plug-ins run, in the order the module names them.</summary>
    public IReadOnlyList<ModuleActivity> Activities { get; init; } = [];
}

public sealed class GetModuleHandler(
    IDatabase database, PackCatalog catalog, LearnerRecords records, ICurrentActor current, IAccessPolicy policy, Completion completion,
    TimeProvider time)
    : IQueryHandler<GetModule, ModulePage>
{
    public async ValueTask<ModulePage> Handle(GetModule query, CancellationToken cancellationToken)
    {
        var course = catalog.RequirePack(query.CourseId);
        var pack = course.Pack;
        var module = pack.FindModule(query.ModuleId) ?? throw new NotFoundException("This course has no such module.");
        var actor = current.Actor;
        var index = pack.Modules.ToList().IndexOf(module);
        var member = actor.IsSignedIn && await policy.IsAllowedAsync(actor, Permissions.TakeCourse, pack.Id, cancellationToken);
        var preview = !member && pack.PreviewFirstModule && index == 0;
        if (!member && !preview)
        {
            throw actor.IsSignedIn ? new NotFoundException("This module is for the course's learners: enrol first.") : new SignInRequiredException();
        }

        var record = member
            ? await database.ReadAsync(connection => records.ReadAsync(connection, pack.Id, actor.AccountId!.Value, cancellationToken), cancellationToken)
            : LearnerRecord.None;
        var isLearner = record.IsActiveLearner;
        var progress = CourseProgress.Of(pack, isLearner ? record : LearnerRecord.None, CourseAccess.Today(time));
        var status = progress.Find(module.Id)!;
        if (isLearner && status.State == ModuleState.Locked)
        {
            throw new AccessDeniedException($"This module is locked. {status.LockedReason}");
        }

        var languages = (IReadOnlyList<string>)[pack.Language, .. pack.Languages];
        var asked = query.Language is { } wanted && languages.Contains(wanted, StringComparer.Ordinal) ? wanted : null;
        var language = asked ?? record.Enrolment?.Language ?? pack.Language;
        if (isLearner && (status.State == ModuleState.Available || (asked is not null && asked != record.Enrolment?.Language)))
        {
            await RememberAsync(pack, module, actor.AccountId!.Value, status.State == ModuleState.Available, asked, cancellationToken);
            if (status.State == ModuleState.Available)
            {
                status = status with { State = ModuleState.InProgress };
            }
        }

        var rendered = course.Render(module, language);
        var activities = completion.RequiredActivities(module);
        return new ModulePage(
            pack.Id, pack.TitleIn(language), module.Id, rendered.Title, rendered.Html, rendered.Language, pack.Language, languages, status,
            index > 0 ? Link(pack.Modules[index - 1]) : null,
            index < pack.Modules.Count - 1 ? Link(pack.Modules[index + 1]) : null,
            index + 1, pack.Modules.Count, progress.Percent, isLearner, preview, activities.Count > 0, pack.ContentHash)
        {
            Activities = [.. activities.Select(a => new ModuleActivity(
                a.Id, a.Type, pack.FindActivity(a.Id)?.Title ?? a.Id, isLearner && record.CompletedActivities.Contains(a.Id)))],
        };
    }

    private static ModuleLink Link(ECampus.Content.PackModule module) => new(module.Id, module.Title);

    // Writes only on a first visit or a change of language, so reading a module stays a read.
    private Task RememberAsync(ECampus.Content.Pack pack, ECampus.Content.PackModule module, long accountId, bool start, string? language, CancellationToken cancellationToken)
    {
        var now = SiteClock.Now(time);
        return database.WriteAsync(async (connection, transaction) =>
        {
            if (start)
            {
                await connection.ExecuteAsync("""
                    INSERT INTO module_progress (course_id, account_id, module_id, module_title, started_at, content_hash)
                    VALUES (@CourseId, @AccountId, @ModuleId, @Title, @Now, @Hash) ON CONFLICT DO NOTHING
                    """, new { CourseId = pack.Id, AccountId = accountId, ModuleId = module.Id, module.Title, Now = now, Hash = pack.ContentHash }, transaction);
            }

            if (language is not null)
            {
                await connection.ExecuteAsync("UPDATE enrolment SET language = @Language WHERE course_id = @CourseId AND account_id = @AccountId",
                    new { Language = language, CourseId = pack.Id, AccountId = accountId }, transaction);
            }

            return 0;
        }, cancellationToken);
    }
}
