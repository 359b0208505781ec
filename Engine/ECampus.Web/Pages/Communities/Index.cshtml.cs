using ECampus.Engine.Features.Forums;
using ECampus.Sdk;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Communities;

/// <summary>The communities a person belongs to or may ask to join; administrators open new ones here.</summary>
public sealed class IndexModel(IMediator mediator) : EcampusPage
{
    public IReadOnlyList<CommunitySummary> Communities { get; private set; } = [];

    public bool IsAdmin => User.IsInRole(SiteRoles.Admin);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Communities = await mediator.Send(new ListCommunities(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? title, string? description, bool isPublic, bool openToRequests, CancellationToken cancellationToken)
    {
        long id = 0;
        if (await TryAsync(async () => id = await mediator.Send(new CreateCommunity(title ?? "", description, isPublic, openToRequests), cancellationToken)))
        {
            return Redirect("/communities/" + id);
        }

        return await Again(cancellationToken);
    }

    public async Task<IActionResult> OnPostJoinAsync(long communityId, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new JoinCommunity(communityId), cancellationToken).AsTask()))
        {
            return Redirect("/communities");
        }

        return await Again(cancellationToken);
    }

    private async Task<IActionResult> Again(CancellationToken cancellationToken)
    {
        var status = Response.StatusCode;
        await OnGetAsync(cancellationToken);
        Response.StatusCode = status == StatusCodes.Status200OK ? StatusCodes.Status400BadRequest : status;
        return Page();
    }
}
