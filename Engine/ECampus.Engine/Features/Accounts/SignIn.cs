using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Sdk;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace ECampus.Engine.Features.Accounts;

/// <summary>Checks a password and starts a browser session or issues an API token.</summary>
public sealed record SignIn(string Email, string Password, string Kind, string? ClientAddress, string? Client)
    : ICommand<SignedIn>, IAccessControlled
{
    public AccessRule Access => AccessRule.Anyone;
}

public sealed record SignedIn(long AccountId, string Token, DateTimeOffset ExpiresAt);

public sealed class SignInHandler(IDatabase database, Passwords passwords, Sessions sessions, SignInThrottle throttle, TimeProvider time)
    : ICommandHandler<SignIn, SignedIn>
{
    private sealed record Candidate(long Id, string PasswordHash, string Status);

    public async ValueTask<SignedIn> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var email = Emails.Normalize(command.Email ?? "");
        throttle.Check(email, command.ClientAddress);

        var candidate = await database.ReadAsync(
            connection => connection.QuerySingleOrDefaultAsync<Candidate>(
                "SELECT id, password_hash, status FROM account WHERE email_normalized = @email", new { email }),
            cancellationToken);

        if (candidate is null)
        {
            passwords.VerifyAgainstNothing(command.Password ?? "");
            throttle.RecordFailure(email, command.ClientAddress);
            throw SignInRejectedException.WrongCredentials();
        }

        var verdict = passwords.Verify(candidate.PasswordHash, command.Password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            throttle.RecordFailure(email, command.ClientAddress);
            throw SignInRejectedException.WrongCredentials();
        }

        // Only someone who knows the password learns the account's state.
        switch (candidate.Status)
        {
            case "pending":
                throw new SignInRejectedException("Your account is waiting for approval by an administrator. You will get an email when it is approved.");
            case "suspended":
                throw new SignInRejectedException("This account is suspended. Contact the site's administrators.");
        }

        throttle.RecordSuccess(email);
        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? passwords.Hash(command.Password!) : null;
        var now = SiteClock.Now(time);
        var kind = command.Kind == Sessions.Api ? Sessions.Api : Sessions.Browser;
        var (token, expiresAt) = await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                "UPDATE account SET last_sign_in_at = @Now, password_hash = coalesce(@Rehash, password_hash) WHERE id = @Id",
                new { Now = now, Rehash = rehash, candidate.Id }, transaction);
            return await sessions.StartAsync(connection, transaction, candidate.Id, kind, command.Client, now);
        }, cancellationToken);

        return new SignedIn(candidate.Id, token, expiresAt);
    }
}
