using ECampus.Sdk;

namespace ECampus.Engine.Access;

/// <summary>The actor of the current scope: set by the web host from the signed-in session, or to the system by the command line.</summary>
public sealed class CurrentActor : ICurrentActor
{
    public Actor Actor { get; set; } = Actor.Anonymous;

    /// <summary>The raw session token of the current request, so the session can end or be kept on a password change.</summary>
    public string? SessionToken { get; set; }
}
