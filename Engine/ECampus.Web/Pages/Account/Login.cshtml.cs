using ECampus.Engine.Accounts;
using ECampus.Engine.Features.Accounts;
using ECampus.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(IMediator mediator) : EcampusPage
{
    [BindProperty] public string Email { get; set; } = "";

    [BindProperty] public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public string? Notice => Done switch
    {
        "registered" => "Your account is ready. Sign in to start.",
        "pending" => "Thank you for registering. An administrator will review your account; you will get an email when you can sign in.",
        "reset" => "Your password was changed. Sign in with the new one.",
        _ => null,
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        SignedIn? signedIn = null;
        if (!await TryAsync(async () => signedIn = await mediator.Send(
                new SignIn(Email, Password, Sessions.Browser, ClientAddress, Request.Headers.UserAgent.ToString()), cancellationToken)))
        {
            return Page();
        }

        // A fresh secret on every sign-in: a session id planted before sign-in is worth nothing after it.
        SessionCookie.Write(HttpContext, signedIn!.Token, signedIn.ExpiresAt);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
