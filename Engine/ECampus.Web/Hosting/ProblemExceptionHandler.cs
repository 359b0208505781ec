using ECampus.Sdk;
using Microsoft.AspNetCore.Diagnostics;

namespace ECampus.Web.Hosting;

/// <summary>
/// Turns failures into answers a person can act on: problems the engine raised keep their status and message;
/// anything else is a 500 with only a request id. Pages fall through to the error page.
/// </summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Unwrap(exception);
        if (problem is null)
        {
            LogUnhandled(exception, context.TraceIdentifier);
        }

        if (problem is ThrottledException throttled)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (problem is StorageUnavailableException storage)
        {
            context.Response.Headers.RetryAfter = ((int)storage.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // The middleware has already pointed the request at the error page; the original path says whether this was an API call.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var extensions = new Dictionary<string, object?> { ["requestId"] = context.TraceIdentifier };
        if (problem is InvalidInputException invalid)
        {
            extensions["errors"] = invalid.Errors;
        }

        await Results.Problem(
            statusCode: problem?.StatusCode ?? StatusCodes.Status500InternalServerError,
            title: problem?.Title ?? "Something went wrong",
            detail: problem?.Message ?? $"The site could not answer. Quote request id {context.TraceIdentifier} when you report this.",
            extensions: extensions).ExecuteAsync(context);
        return true;
    }

    /// <summary>The engine problem behind an exception, including a request body over the size limit.</summary>
    public static EcampusProblemException? Unwrap(Exception exception) => exception switch
    {
        EcampusProblemException problem => problem,
        BadHttpRequestException { StatusCode: 413 } => new PayloadTooLargeException(),
        BadHttpRequestException bad => new MalformedRequestException(bad.Message),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure for request {RequestId}")]
    private partial void LogUnhandled(Exception exception, string requestId);
}

public sealed class PayloadTooLargeException()
    : EcampusProblemException(413, "Too large", "The request is larger than this site accepts. Send less at once.");

public sealed class MalformedRequestException(string detail)
    : EcampusProblemException(400, "Malformed request", detail);
