using ECampus.Engine.Features.Forums;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Forums;

/// <summary>Tutors and community moderators: reported posts in the forums they moderate, and what was done.</summary>
public sealed class ModerationModel(IMediator mediator) : EcampusPage
{
    public ModerationQueue Queue { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await mediator.Send(new ListModerationQueue(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(long postId, string? action, string? reason, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new ModeratePost(postId, action ?? "", reason), cancellationToken).AsTask()))
        {
            return Redirect("/forums/moderation");
        }

        var status = Response.StatusCode;
        await OnGetAsync(cancellationToken);
        Response.StatusCode = status == StatusCodes.Status200OK ? StatusCodes.Status400BadRequest : status;
        return Page();
    }
}
