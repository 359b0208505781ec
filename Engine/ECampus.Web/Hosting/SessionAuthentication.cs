using System.Security.Claims;
using System.Text.Encodings.Web;
using ECampus.Engine.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ECampus.Web.Hosting;

/// <summary>
/// Authenticates a request from its session cookie or its <c>Authorization: Bearer</c> token. Both are opaque secrets
/// checked against the database on every request (see <see cref="Sessions"/>), so revocation is immediate.
/// </summary>
public sealed class SessionAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, Sessions sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ecampus";
    public const string SessionKindClaim = "ecampus:session-kind";
    private const string TokenItem = "ecampus:session-token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (token, viaHeader) = ReadToken(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        var session = await sessions.FindAsync(token, Context.RequestAborted);
        if (session is null || (viaHeader && session.Kind != Sessions.Api) || (!viaHeader && session.Kind != Sessions.Browser))
        {
            if (!viaHeader)
            {
                SessionCookie.Clear(Context);
            }

            return viaHeader ? AuthenticateResult.Fail("The token is unknown, expired or revoked.") : AuthenticateResult.NoResult();
        }

        Context.Items[TokenItem] = token;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, session.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, session.DisplayName),
            new(ClaimTypes.Email, session.Email),
            new(SessionKindClaim, session.Kind),
        };
        claims.AddRange(session.SiteRoles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (EcampusSite.IsApi(Context))
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(statusCode: 401, title: "Sign in required",
                detail: "Send a token from POST /api/v1/auth/token as 'Authorization: Bearer <token>'.").ExecuteAsync(Context);
            return;
        }

        var returnUrl = Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (EcampusSite.IsApi(Context))
        {
            await Results.Problem(statusCode: 403, title: "Not allowed", detail: "Your account may not do this.").ExecuteAsync(Context);
        }
    }

    /// <summary>The secret the current request was authenticated with, if any.</summary>
    public static string? TokenOf(HttpContext context) => context.Items[TokenItem] as string;

    private static (string? Token, bool ViaHeader) ReadToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (authorization["Bearer ".Length..].Trim(), true);
        }

        return (SessionCookie.Read(request), false);
    }
}

/// <summary>The browser session cookie: HttpOnly, SameSite=Lax, and Secure with the <c>__Host-</c> prefix over HTTPS.</summary>
public static class SessionCookie
{
    private const string SecureName = "__Host-ecampus-session";
    private const string PlainName = "ecampus-session";

    public static string? Read(HttpRequest request) =>
        request.Cookies[SecureName] ?? (request.IsHttps ? null : request.Cookies[PlainName]);

    public static void Write(HttpContext context, string token, DateTimeOffset expiresAt)
    {
        var secure = context.Request.IsHttps;
        context.Response.Cookies.Append(secure ? SecureName : PlainName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = secure,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Expires = expiresAt,
            IsEssential = true,
        });
    }

    public static void Clear(HttpContext context)
    {
        context.Response.Cookies.Delete(SecureName, new CookieOptions { Path = "/", Secure = true });
        context.Response.Cookies.Delete(PlainName, new CookieOptions { Path = "/" });
    }
}
