using ECampus.Engine.Courses;
using ECampus.Engine.Features.Courses;
using ECampus.Sdk;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Courses;

public sealed class HomeModel(IMediator mediator) : EcampusPage
{
    public CourseHome Home { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public string? Notice => Done switch
    {
        "goals" => "Your learning goals are saved. The course is open to you.",
        "rated" => "Thank you for rating your learning goals.",
        "module" => "The module is marked as done.",
        _ => null,
    };

    public IEnumerable<ModuleStatus> Current => Home.Progress.Modules.Where(m => m.State != ModuleState.Archived);

    public IEnumerable<ModuleStatus> Archived => Home.Progress.Modules.Where(m => m.State == ModuleState.Archived);

    public bool GoalsDue => Home.IsLearner && Home.GoalsPrompt is not null && Home.Progress.GoalsDue;

    public async Task<IActionResult> OnGetAsync(string courseId, CancellationToken cancellationToken)
    {
        try
        {
            Home = await mediator.Send(new GetCourseHome(courseId), cancellationToken);
        }
        catch (NotFoundException)
        {
            // Not (or no longer) in the course: its public page says why and offers the way in.
            return Redirect(CourseText.CourseUrl(courseId));
        }

        return Page();
    }
}
