using ECampus.Engine.Features.Forums;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Forums;

/// <summary>A module's discussion block links here; it leads to the discussion of the reader's cohort.</summary>
public sealed class DiscussionModel(IMediator mediator) : EcampusPage
{
    public async Task<IActionResult> OnGetAsync(string courseId, string moduleId, CancellationToken cancellationToken) =>
        Redirect("/forums/" + await mediator.Send(new GetModuleDiscussion(courseId, moduleId), cancellationToken));
}
