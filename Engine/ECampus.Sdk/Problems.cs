namespace ECampus.Sdk;

/// <summary>
/// A failure a person can act on. The host turns these into RFC 7807 problem details for the API
/// and into messages on pages; any other exception is an internal error with a request id.
/// </summary>
public abstract class EcampusProblemException(int statusCode, string title, string detail, Exception? inner = null)
    : Exception(detail, inner)
{
    /// <summary>The HTTP status this problem answers with.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>A short, stable summary of the kind of problem.</summary>
    public string Title { get; } = title;
}

/// <summary>The thing does not exist, or the caller may not know that it does.</summary>
public sealed class NotFoundException(string detail) : EcampusProblemException(404, "Not found", detail);

/// <summary>The caller is known but may not do this.</summary>
public sealed class AccessDeniedException(string detail) : EcampusProblemException(403, "Not allowed", detail);

/// <summary>The caller must sign in first.</summary>
public sealed class SignInRequiredException() : EcampusProblemException(401, "Sign in required", "Sign in to do this.");

/// <summary>The input was wrong; <see cref="Errors"/> says what, field by field.</summary>
public sealed class InvalidInputException(IReadOnlyDictionary<string, string[]> errors)
    : EcampusProblemException(400, "Check your input", string.Join(" ", errors.SelectMany(e => e.Value)))
{
    /// <summary>Messages by field name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>A single-field error.</summary>
    public static InvalidInputException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The request clashes with the current state (e.g. the email is already registered).</summary>
public sealed class ConflictException(string detail) : EcampusProblemException(409, "Conflict", detail);

/// <summary>Too many attempts; try again after <see cref="RetryAfter"/>.</summary>
public sealed class ThrottledException(TimeSpan retryAfter)
    : EcampusProblemException(429, "Too many attempts", $"Too many attempts. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds.")
{
    /// <summary>How long to wait.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>
/// Storage could not take the write right now (database busy, disk full). Nothing was saved; retrying is safe.
/// </summary>
public sealed class StorageUnavailableException(int statusCode, string detail, Exception? inner = null)
    : EcampusProblemException(statusCode, "Not saved, please retry", detail, inner)
{
    /// <summary>A suggested wait before retrying.</summary>
    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(5);
}
