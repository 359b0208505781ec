using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ECampus.Load;

/// <summary>Logs in once per scenario and hands back a factory for the measured request.</summary>
internal static partial class Login
{
    public static async Task<Func<HttpRequestMessage>> BearerRequestsAsync(HttpClient client, Uri baseUri, string email, string password)
    {
        using var response = await client.PostAsJsonAsync(new Uri(baseUri, "/api/v1/auth/token"), new { email, password });
        await ExpectAsync(response, "POST /api/v1/auth/token", HttpStatusCode.OK);
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        var token = json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("token", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidOperationException("POST /api/v1/auth/token: response has no string 'token'");

        var me = new Uri(baseUri, "/api/v1/me");
        var authorization = $"Bearer {token}";
        return () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, me);
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            return request;
        };
    }

    /// <summary>Signs in through the login form, as a browser does, and requests <paramref name="path"/> with the session cookie.</summary>
    public static async Task<Func<HttpRequestMessage>> BrowserRequestsAsync(HttpClient client, Uri baseUri, string email, string password, string path)
    {
        var cookies = new CookieContainer();
        var loginUri = new Uri(baseUri, "/account/login");

        string html;
        using (var form = await client.GetAsync(loginUri))
        {
            await ExpectAsync(form, "GET /account/login", HttpStatusCode.OK);
            KeepCookies(cookies, loginUri, form);
            html = await form.Content.ReadAsStringAsync();
        }
        var antiforgery = FindAntiforgeryToken(html)
            ?? throw new InvalidOperationException("GET /account/login: no hidden __RequestVerificationToken input in the form");

        using var post = new HttpRequestMessage(HttpMethod.Post, loginUri)
        {
            Content = new FormUrlEncodedContent(
            [
                new("Email", email),
                new("Password", password),
                new("__RequestVerificationToken", antiforgery),
            ]),
        };
        AddCookieHeader(post, cookies.GetCookieHeader(loginUri));
        using var response = await client.SendAsync(post);
        await ExpectAsync(response, "POST /account/login", HttpStatusCode.Found, HttpStatusCode.SeeOther);
        KeepCookies(cookies, loginUri, response);

        var target = new Uri(baseUri, path);
        var cookieHeader = cookies.GetCookieHeader(target);
        return () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, target);
            AddCookieHeader(request, cookieHeader);
            return request;
        };
    }

    /// <summary>One request before the run, so a rejected token or session fails loudly instead of as N errors.</summary>
    /// <summary>Sends the request once and fails unless it succeeds; returns the size of the answer's body in bytes.</summary>
    public static async Task<long> ProbeAsync(HttpClient client, Func<HttpRequestMessage> newRequest)
    {
        using var request = newRequest();
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            var location = response.Headers.Location is { } l ? $" (Location: {l})" : "";
            throw new InvalidOperationException(
                $"probe {request.Method} {request.RequestUri?.AbsolutePath} answered {(int)response.StatusCode} {response.StatusCode}{location}");
        }

        return (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }

    private static async Task ExpectAsync(HttpResponseMessage response, string what, params HttpStatusCode[] expected)
    {
        if (expected.Contains(response.StatusCode))
            return;
        var body = await response.Content.ReadAsStringAsync();
        var snippet = body.Length > 200 ? body[..200] + "..." : body;
        throw new InvalidOperationException(
            $"{what} answered {(int)response.StatusCode} {response.StatusCode}, expected {string.Join(" or ", expected.Select(s => (int)s))}: {snippet}");
    }

    private static void KeepCookies(CookieContainer cookies, Uri uri, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
            return;
        foreach (var value in values)
        {
            try
            {
                cookies.SetCookies(uri, value);
            }
            catch (CookieException)
            {
                // A browser drops a cookie it cannot parse too; the probe reports if that lost the session.
            }
        }
    }

    private static void AddCookieHeader(HttpRequestMessage request, string cookieHeader)
    {
        if (cookieHeader.Length > 0)
            request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
    }

    private static string? FindAntiforgeryToken(string html)
    {
        // Attribute order is up to the view, so find the input first and read its value separately.
        foreach (Match input in InputTag().Matches(html))
        {
            if (input.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal)
                && ValueAttribute().Match(input.Value) is { Success: true } value)
                return WebUtility.HtmlDecode(value.Groups[1].Value);
        }
        return null;
    }

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"\bvalue=""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttribute();
}
