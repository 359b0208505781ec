using ECampus.Engine.Accounts;
using ECampus.Engine.Features.Accounts;
using ECampus.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages;

/// <summary>The one-time setup page: open only while the site has no administrator.</summary>
[AllowAnonymous]
public sealed class SetupModel(IMediator mediator, SetupGate gate) : EcampusPage
{
    [BindProperty] public string DisplayName { get; set; } = "";

    [BindProperty] public string Email { get; set; } = "";

    [BindProperty] public string Password { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await gate.IsSetUpAsync(mediator, cancellationToken) ? Redirect("/account/login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await gate.IsSetUpAsync(mediator, cancellationToken))
        {
            return Redirect("/account/login");
        }

        var created = await TryAsync(async () =>
        {
            await mediator.Send(new CreateAdmin(Email, DisplayName, Password, OnlyIfSiteHasNoAdmin: true), cancellationToken);
            var signedIn = await mediator.Send(new SignIn(Email, Password, Sessions.Browser, ClientAddress, Request.Headers.UserAgent.ToString()), cancellationToken);
            SessionCookie.Write(HttpContext, signedIn.Token, signedIn.ExpiresAt);
        });
        return created ? Redirect("/admin") : Page();
    }
}
