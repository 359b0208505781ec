using Microsoft.AspNetCore.Http;

namespace ECampus.Sdk;

/// <summary>Pages of plug-ins in the site's look: its layout, navigation, stylesheet and security headers.</summary>
public interface ISitePages
{
    /// <summary>
    /// A page titled <paramref name="title"/> whose main content is <paramref name="body"/>: HTML the plug-in built and
    /// encoded itself (use <see cref="System.Net.WebUtility.HtmlEncode(string)"/> for anything people wrote).
    /// </summary>
    IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK);

    /// <summary>The hidden antiforgery field every form that posts must carry.</summary>
    string AntiforgeryField(HttpContext context);

    /// <summary>Whether a posted form carries a valid antiforgery token; answer 400 and change nothing when it does not.</summary>
    Task<bool> IsFormValidAsync(HttpContext context);
}
