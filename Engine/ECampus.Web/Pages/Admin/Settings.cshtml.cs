using ECampus.Engine.Features.Site;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Admin;

public sealed class SettingsModel(IMediator mediator) : EcampusPage
{
    [BindProperty] public bool RequireApproval { get; set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        RequireApproval = (await mediator.Send(new GetSiteStatus(), cancellationToken)).Settings.RequireApproval;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Saved = await TryAsync(async () => await mediator.Send(new UpdateSiteSettings(RequireApproval), cancellationToken));
        return Page();
    }
}
