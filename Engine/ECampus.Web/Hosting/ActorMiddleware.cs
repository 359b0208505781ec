using System.Globalization;
using System.Security.Claims;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Sdk;
using Microsoft.AspNetCore.Antiforgery;

namespace ECampus.Web.Hosting;

/// <summary>
/// Tells the engine who is asking, and protects cookie-authenticated API writes against cross-site requests:
/// a bearer token cannot be sent by another site, but a cookie can, so those writes must carry the antiforgery header.
/// </summary>
public sealed class ActorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentActor current, IAntiforgery antiforgery)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            current.Actor = Actor.Account(
                long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture),
                user.FindFirstValue(ClaimTypes.Name) ?? "",
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
            current.SessionToken = SessionAuthentication.TokenOf(context);

            if (EcampusSite.IsApi(context) && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && !HttpMethods.IsOptions(context.Request.Method) && user.FindFirstValue(SessionAuthentication.SessionKindClaim) == Sessions.Browser
                && !await antiforgery.IsRequestValidAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Results.Problem(statusCode: 400, title: "Antiforgery token missing",
                    detail: $"A write signed in with the browser session must send the '{ApiAntiforgery.HeaderName}' header from GET /api/v1/auth/antiforgery. Scripts should use a bearer token instead.")
                    .ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}

public static class ApiAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";
}
