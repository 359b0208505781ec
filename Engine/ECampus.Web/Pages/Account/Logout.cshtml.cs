using ECampus.Engine.Features.Accounts;
using ECampus.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(IMediator mediator) : EcampusPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SignOut(), cancellationToken);
        SessionCookie.Clear(HttpContext);
        return Redirect("/");
    }
}
