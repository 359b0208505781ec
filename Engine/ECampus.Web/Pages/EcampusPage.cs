using System.Globalization;
using ECampus.Sdk;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ECampus.Web.Pages;

/// <summary>A page that sends requests to the engine and shows any problem next to the field it concerns.</summary>
public abstract class EcampusPage : PageModel
{
    /// <summary>Runs <paramref name="action"/>; a problem the person can act on becomes a message on the page instead of an error page.</summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (InvalidInputException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(FieldName(field), message);
                }
            }
        }
        catch (ThrottledException throttled)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(throttled.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError("", throttled.Message);
        }
        catch (EcampusProblemException problem) when (problem.StatusCode is not (404 or 500))
        {
            Response.StatusCode = problem.StatusCode;
            if (problem is StorageUnavailableException storage)
            {
                Response.Headers.RetryAfter = ((int)storage.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            ModelState.AddModelError("", problem.Message);
        }

        return false;
    }

    /// <summary>Engine field names are camelCase; page fields are PascalCase.</summary>
    private static string FieldName(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];

    protected string? ClientAddress => HttpContext.Connection.RemoteIpAddress?.ToString();
}
