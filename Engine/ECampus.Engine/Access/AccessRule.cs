namespace ECampus.Engine.Access;

/// <summary>What a request needs from its caller. Every request declares one; the pipeline refuses any that does not.</summary>
public sealed record AccessRule(string? Permission, string? CourseId)
{
    /// <summary>Open to anonymous visitors (registration, sign-in, the catalog).</summary>
    public static AccessRule Anyone { get; } = new(null, null);

    /// <summary>Needs <paramref name="permission"/>, in <paramref name="courseId"/> where it applies.</summary>
    public static AccessRule Require(string permission, string? courseId = null) => new(permission, courseId);
}

/// <summary>A request that declares who may send it.</summary>
public interface IAccessControlled
{
    AccessRule Access { get; }
}

/// <summary>A request that checks its own input before anything else runs.</summary>
public interface IValidated
{
    IEnumerable<(string Field, string Message)> Validate();
}
