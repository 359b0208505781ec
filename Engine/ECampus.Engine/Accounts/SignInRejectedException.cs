using ECampus.Sdk;

namespace ECampus.Engine.Accounts;

/// <summary>The credentials were wrong, or the account may not sign in (yet).</summary>
public sealed class SignInRejectedException(string detail) : EcampusProblemException(401, "Not signed in", detail)
{
    public static SignInRejectedException WrongCredentials() => new("The email or password is not right.");
}
