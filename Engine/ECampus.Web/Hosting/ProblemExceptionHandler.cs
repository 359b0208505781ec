using ECampus.Sdk;
using Microsoft.AspNetCore.Diagnostics;

namespace ECampus.Web.Hosting;

/// <summary>
/// Turns failures into answers a person can act on: problems the engine raised keep their status and message;
/// anything else is a 500 with only a request id. Pages fall through to the error page.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
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

        if (!EcampusSite.IsApi(context))
        {
            return false;
        }

        context.Response.StatusCode = problem?.StatusCode ?? StatusCodes.Status500InternalServerError;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = context.Response.StatusCode,
            Title = problem?.Title ?? "Something went wrong",
            Detail = problem?.Message ?? $"The site could not answer. Quote request id {context.TraceIdentifier} when you report this.",
        };
        if (problem is InvalidInputException invalid)
        {
            details.Extensions["errors"] = invalid.Errors;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
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
