using ECampus.Engine.Features.Accounts;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Account;

public sealed class PasswordModel(IMediator mediator) : EcampusPage
{
    [BindProperty] public string CurrentPassword { get; set; } = "";

    [BindProperty] public string NewPassword { get; set; } = "";

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Changed = await TryAsync(async () => await mediator.Send(new ChangePassword(CurrentPassword, NewPassword), cancellationToken));
        return Page();
    }
}
