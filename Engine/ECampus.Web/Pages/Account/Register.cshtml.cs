using ECampus.Engine.Features.Accounts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Account;

[AllowAnonymous]
public sealed class RegisterModel(IMediator mediator) : EcampusPage
{
    [BindProperty] public string DisplayName { get; set; } = "";

    [BindProperty] public string Email { get; set; } = "";

    [BindProperty] public string Password { get; set; } = "";

    [BindProperty] public string? Country { get; set; }

    [BindProperty] public string? Region { get; set; }

    [BindProperty] public string? OrganisationType { get; set; }

    [BindProperty] public string? Gender { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        RegisteredAccount? registered = null;
        if (!await TryAsync(async () => registered = await mediator.Send(
                new RegisterAccount(Email, Password, DisplayName, Country, Region, OrganisationType, Gender), cancellationToken)))
        {
            return Page();
        }

        return Redirect(registered!.AwaitsApproval ? "/account/login?done=pending" : "/account/login?done=registered");
    }
}
