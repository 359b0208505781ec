using ECampus.Engine.Features.Accounts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Account;

[AllowAnonymous]
public sealed class ResetPasswordModel(IMediator mediator) : EcampusPage
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";

    [BindProperty] public string NewPassword { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        await TryAsync(async () => await mediator.Send(new ResetPassword(Token, NewPassword, ClientAddress), cancellationToken))
            ? Redirect("/account/login?done=reset")
            : Page();
}
