using ECampus.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ECampus.Web.Pages;

/// <summary>The error page: a message a person can act on and the request id, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : EcampusPage
{
    public string Title { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "The site could not show this page. Please try again in a moment.";

    public string RequestId => HttpContext.TraceIdentifier;

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        var problem = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error ? ProblemExceptionHandler.Unwrap(error) : null;
        var code = problem?.StatusCode ?? status ?? StatusCodes.Status500InternalServerError;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            Response.StatusCode = code;
        }

        (Title, Message) = code switch
        {
            400 => ("This request could not be understood", problem?.Message ?? "The form may have expired. Go back, reload the page and try again."),
            403 => ("Not allowed", problem?.Message ?? "Your account may not open this page."),
            404 => ("Page not found", problem?.Message ?? "There is no page at this address, or you have no access to it."),
            413 => ("Too large", "What you sent is larger than this site accepts."),
            429 => ("Too many attempts", problem?.Message ?? "Please wait a little and try again."),
            503 or 507 => ("Not saved, please retry", problem?.Message ?? "The site is busy; please try again in a few seconds."),
            _ => (Title, Message),
        };
    }
}
