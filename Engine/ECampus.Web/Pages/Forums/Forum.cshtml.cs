using ECampus.Engine.Features.Forums;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Forums;

/// <summary>A forum: its threads, following it, and starting a thread.</summary>
public sealed class ForumModel(IMediator mediator) : EcampusPage
{
    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Body { get; set; }

    public ForumPage Forum { get; private set; } = null!;

    public async Task OnGetAsync(long forumId, CancellationToken cancellationToken) =>
        Forum = await mediator.Send(new ListThreads(forumId), cancellationToken);

    public async Task<IActionResult> OnPostAsync(long forumId, CancellationToken cancellationToken)
    {
        StartedThread? started = null;
        if (await TryAsync(async () => started = await mediator.Send(new StartThread(forumId, Title ?? "", Body ?? ""), cancellationToken)))
        {
            return Redirect("/forums/threads/" + started!.ThreadId);
        }

        var status = Response.StatusCode;
        await OnGetAsync(forumId, cancellationToken);
        Response.StatusCode = status == StatusCodes.Status200OK ? StatusCodes.Status400BadRequest : status;
        return Page();
    }

    public async Task<IActionResult> OnPostSubscribeAsync(long forumId, bool subscribed, CancellationToken cancellationToken)
    {
        await mediator.Send(new SetSubscription(forumId, null, subscribed), cancellationToken);
        return Redirect("/forums/" + forumId);
    }
}
