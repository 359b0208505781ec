using ECampus.Engine.Features.Forums;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Communities;

/// <summary>A community: its forum, search, and for moderators its members.</summary>
public sealed class CommunityModel(IMediator mediator) : EcampusPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public CommunityPage Community { get; private set; } = null!;

    public IReadOnlyList<ForumSearchHit>? Hits { get; private set; }

    public async Task OnGetAsync(long communityId, CancellationToken cancellationToken)
    {
        Community = await mediator.Send(new GetCommunity(communityId), cancellationToken);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            await TryAsync(async () => Hits = await mediator.Send(new SearchForums(null, communityId, Q), cancellationToken));
        }
    }

    public async Task<IActionResult> OnPostAsync(long communityId, long accountId, string? action, CancellationToken cancellationToken)
    {
        if (await TryAsync(() => mediator.Send(new ManageCommunityMember(communityId, accountId, action ?? ""), cancellationToken).AsTask()))
        {
            return Redirect("/communities/" + communityId);
        }

        var status = Response.StatusCode;
        await OnGetAsync(communityId, cancellationToken);
        Response.StatusCode = status == StatusCodes.Status200OK ? StatusCodes.Status400BadRequest : status;
        return Page();
    }
}
