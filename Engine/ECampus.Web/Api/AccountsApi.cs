using ECampus.Engine.Accounts;
using ECampus.Engine.Features.Accounts;
using ECampus.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;

namespace ECampus.Web.Api;

/// <summary>Accounts under <c>/api/v1</c>: tokens for scripts, registration, the signed-in person, passwords.</summary>
public static class AccountsApi
{
    public sealed record TokenRequest(string Email, string Password);

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

    public sealed record RegisterRequest(
        string Email, string Password, string DisplayName,
        string? Country = null, string? Region = null, string? OrganisationType = null, string? Gender = null);

    public sealed record RegisterResponse(long AccountId, string Status);

    public sealed record PasswordChange(string CurrentPassword, string NewPassword);

    public sealed record ResetRequest(string Email);

    public sealed record ResetConfirmation(string Token, string NewPassword);

    public static void MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/v1/auth").WithTags("Accounts");

        auth.MapPost("/token", async (TokenRequest request, HttpContext context, IMediator mediator) =>
        {
            var signedIn = await mediator.Send(new SignIn(request.Email, request.Password, Sessions.Api,
                context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString()));
            return TypedResults.Ok(new TokenResponse(signedIn.Token, signedIn.ExpiresAt));
        })
        .AllowAnonymous()
        .WithSummary("Exchange an email and password for a personal access token; send it as 'Authorization: Bearer <token>'.");

        auth.MapPost("/register", async (RegisterRequest request, IMediator mediator) =>
        {
            var registered = await mediator.Send(new RegisterAccount(request.Email, request.Password, request.DisplayName,
                request.Country, request.Region, request.OrganisationType, request.Gender));
            var body = new RegisterResponse(registered.AccountId, registered.AwaitsApproval ? "pending" : "active");
            return registered.AwaitsApproval
                ? Results.Json(body, statusCode: StatusCodes.Status202Accepted)
                : Results.Created("/api/v1/me", body);
        })
        .AllowAnonymous()
        .WithSummary("Register an account: 201 when it may sign in now, 202 when an administrator must approve it first.");

        auth.MapPost("/logout", async (IMediator mediator, HttpContext context) =>
        {
            await mediator.Send(new SignOut());
            SessionCookie.Clear(context);
            return TypedResults.NoContent();
        })
        .WithSummary("End the session or revoke the token this request was made with.");

        auth.MapPost("/password-reset", async (ResetRequest request, HttpContext context, IMediator mediator) =>
        {
            await mediator.Send(new RequestPasswordReset(request.Email, context.Connection.RemoteIpAddress?.ToString()));
            return TypedResults.Accepted((string?)null);
        })
        .AllowAnonymous()
        .WithSummary("Mail a one-time reset link when the address has an account; the answer is the same either way.");

        auth.MapPost("/password-reset/confirm", async (ResetConfirmation request, HttpContext context, IMediator mediator) =>
        {
            await mediator.Send(new ResetPassword(request.Token, request.NewPassword, context.Connection.RemoteIpAddress?.ToString()));
            return TypedResults.NoContent();
        })
        .AllowAnonymous()
        .WithSummary("Set a new password with the token from the reset mail; every session of the account ends.");

        auth.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return TypedResults.Ok(new { headerName = tokens.HeaderName, token = tokens.RequestToken });
        })
        .WithSummary("The header a browser session must send with API writes (scripts with a bearer token need none).");

        var me = endpoints.MapGroup("/api/v1/me").WithTags("Accounts");
        me.MapGet("", async (IMediator mediator) => TypedResults.Ok(await mediator.Send(new GetMe())))
            .WithSummary("The signed-in account.");
        me.MapPut("/password", async (PasswordChange request, IMediator mediator) =>
        {
            await mediator.Send(new ChangePassword(request.CurrentPassword, request.NewPassword));
            return TypedResults.NoContent();
        })
        .WithSummary("Change the password; every other session and token of the account ends.");
    }
}
