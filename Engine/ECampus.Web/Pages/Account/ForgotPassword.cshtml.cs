using ECampus.Engine.Features.Accounts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Account;

[AllowAnonymous]
public sealed class ForgotPasswordModel(IMediator mediator) : EcampusPage
{
    [BindProperty] public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Sent = await TryAsync(async () => await mediator.Send(new RequestPasswordReset(Email, ClientAddress), cancellationToken));
        return Page();
    }
}
