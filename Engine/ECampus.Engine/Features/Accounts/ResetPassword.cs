using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Accounts;

/// <summary>Sets a new password with a one-time token from the reset mail, and ends every session of the account.</summary>
public sealed record ResetPassword(string Token, string NewPassword, string? ClientAddress) : ICommand, IAccessControlled
{
    public AccessRule Access => AccessRule.Anyone;
}

public sealed class ResetPasswordHandler(IDatabase database, Passwords passwords, SignInThrottle throttle, TimeProvider time)
    : ICommandHandler<ResetPassword>
{
    private const string InvalidLink = "This reset link is not valid any more. Ask for a new one.";

    public async ValueTask<Unit> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        throttle.Check(null, command.ClientAddress);
        var now = SiteClock.Now(time);
        var tokenHash = Sessions.HashSecret(command.Token ?? "");
        var target = await database.ReadAsync(
            connection => connection.QuerySingleOrDefaultAsync<(long AccountId, string Email)?>(
                """
                SELECT r.account_id, a.email_normalized FROM password_reset r JOIN account a ON a.id = r.account_id
                WHERE r.token_hash = @tokenHash AND r.used_at IS NULL AND r.expires_at > @now AND a.status = 'active'
                """, new { tokenHash, now }),
            cancellationToken);
        if (target is not { } found)
        {
            throttle.RecordFailure(null, command.ClientAddress);
            throw InvalidInputException.For("token", InvalidLink);
        }

        if (passwords.Weakness(command.NewPassword, found.Email) is { } weakness)
        {
            throw InvalidInputException.For("newPassword", weakness);
        }

        var hash = passwords.Hash(command.NewPassword);
        await database.WriteAsync(async (connection, transaction) =>
        {
            var claimed = await connection.ExecuteAsync(
                "UPDATE password_reset SET used_at = @now WHERE token_hash = @tokenHash AND used_at IS NULL", new { now, tokenHash }, transaction);
            if (claimed == 0)
            {
                throw InvalidInputException.For("token", InvalidLink);
            }

            await connection.ExecuteAsync("UPDATE account SET password_hash = @hash WHERE id = @AccountId", new { hash, found.AccountId }, transaction);
            await Sessions.EndAllAsync(connection, transaction, found.AccountId, now);
            await Audit.RecordAsync(connection, transaction, found.AccountId, "password.reset", $"account:{found.AccountId}", null, now);
            return claimed;
        }, cancellationToken);
        throttle.RecordSuccess(found.Email);
        return Unit.Value;
    }
}
