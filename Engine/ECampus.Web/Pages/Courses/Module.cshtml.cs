using ECampus.Engine.Courses;
using ECampus.Engine.Features.Courses;
using ECampus.Sdk;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Courses;

/// <summary>A module: open to the course's people, and to visitors for a course's preview module.</summary>
[AllowAnonymous]
public sealed class ModuleModel(IMediator mediator) : EcampusPage
{
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public string CourseId { get; private set; } = "";

    public ModulePage? Module { get; private set; }

    /// <summary>Why a learner cannot open the module yet.</summary>
    public string? LockedReason { get; private set; }

    public bool HasOwnHeading => Module?.Html.Contains("<h1", StringComparison.OrdinalIgnoreCase) == true;

    public bool CanMarkDone => Module is { IsLearner: true, CompletesByActivities: false } module && module.Status.State != ModuleState.Done;

    /// <summary>The reader asked for a language the module has no text in.</summary>
    public bool NotTranslated => Lang is not null && Module is not null && Lang != Module.Language;

    public string Link(string moduleId) =>
        CourseText.ModuleUrl(CourseId, moduleId) + (Lang is null ? "" : "?lang=" + Uri.EscapeDataString(Lang));

    public async Task<IActionResult> OnGetAsync(string courseId, string moduleId, CancellationToken cancellationToken)
    {
        CourseId = courseId;
        try
        {
            Module = await mediator.Send(new GetModule(courseId, moduleId, Lang), cancellationToken);
        }
        catch (SignInRequiredException)
        {
            return Redirect(CourseText.LoginUrl(Request.Path + Request.QueryString));
        }
        catch (AccessDeniedException locked)
        {
            LockedReason = locked.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCompleteAsync(string courseId, string moduleId, CancellationToken cancellationToken)
    {
        ModuleCompletion? completion = null;
        if (await TryAsync(async () => completion = await mediator.Send(new CompleteModule(courseId, moduleId), cancellationToken)))
        {
            return Redirect(completion!.NextModuleId is { } next && !completion.CourseCompleted
                ? CourseText.ModuleUrl(courseId, next) + "?done=previous"
                : CourseText.HomeUrl(courseId) + "?done=module");
        }

        var status = Response.StatusCode;
        var answer = await OnGetAsync(courseId, moduleId, cancellationToken);
        if (LockedReason is null)
        {
            Response.StatusCode = status;
        }

        return answer;
    }
}
