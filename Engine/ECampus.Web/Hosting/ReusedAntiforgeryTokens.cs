using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ECampus.Web.Hosting;

/// <summary>
/// Every page carries a form (the sign-out button in the header at least), and for each one the default antiforgery
/// service decrypts the cookie token and encrypts a fresh request token: measured at about a tenth of the CPU of a
/// learner's page. A request token stays valid for exactly as long as the cookie token and the signed-in account it
/// was issued for, so the token issued for that pair is handed out again. Validation is the default's, untouched.
/// </summary>
internal sealed class ReusedAntiforgeryTokens(IAntiforgery issuer, IOptions<AntiforgeryOptions> options) : IAntiforgery, IDisposable
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(1);

    private readonly AntiforgeryOptions _options = options.Value;
    private readonly MemoryCache _issued = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>Replaces the registered antiforgery service with this one around it; call after everything is registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(registered);
        services.AddSingleton<IAntiforgery>(provider => new ReusedAntiforgeryTokens(
            (IAntiforgery)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
            provider.GetRequiredService<IOptions<AntiforgeryOptions>>()));
    }

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        if (Key(httpContext) is not { } key)
        {
            return issuer.GetAndStoreTokens(httpContext);
        }

        if (_issued.TryGetValue(key, out string? requestToken))
        {
            if (!httpContext.Response.HasStarted)
            {
                // As the default does: a response carrying a token is never cached.
                httpContext.Response.Headers.CacheControl = "no-cache, no-store";
                httpContext.Response.Headers.Pragma = "no-cache";
            }

            return new AntiforgeryTokenSet(requestToken, cookieToken: null, _options.FormFieldName, _options.HeaderName);
        }

        var tokens = issuer.GetAndStoreTokens(httpContext);
        // A null cookie token means the browser's cookie was valid and kept; a new one would change the key.
        if (tokens.CookieToken is null && tokens.RequestToken is not null)
        {
            _issued.Set(key, tokens.RequestToken, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = IdleLifetime });
        }

        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => issuer.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => issuer.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => issuer.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => issuer.SetCookieTokenAndHeader(httpContext);

    public void Dispose() => _issued.Dispose();

    // The request token binds the cookie token and the account (its NameIdentifier claim); visitors share "".
    private (string CookieToken, string Account)? Key(HttpContext httpContext) =>
        httpContext.Request.Cookies[_options.Cookie.Name!] is { Length: > 0 } cookie
            ? (cookie, httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "")
            : null;
}
