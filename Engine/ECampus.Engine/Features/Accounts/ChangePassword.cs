using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Sdk;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace ECampus.Engine.Features.Accounts;

/// <summary>Changes the signed-in person's password and ends their other sessions and API tokens.</summary>
public sealed record ChangePassword(string CurrentPassword, string NewPassword) : ICommand, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed class ChangePasswordHandler(IDatabase database, Passwords passwords, CurrentActor current, SignInThrottle throttle, TimeProvider time)
    : ICommandHandler<ChangePassword>
{
    public async ValueTask<Unit> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var accountId = current.Actor.AccountId!.Value;
        var account = await database.ReadAsync(
            connection => connection.QuerySingleAsync<(string Hash, string EmailNormalized)>(
                "SELECT password_hash, email_normalized FROM account WHERE id = @accountId", new { accountId }),
            cancellationToken);

        throttle.Check(account.EmailNormalized, null);
        if (passwords.Verify(account.Hash, command.CurrentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            throttle.RecordFailure(account.EmailNormalized, null);
            throw InvalidInputException.For("currentPassword", "Your current password is not right.");
        }

        if (passwords.Weakness(command.NewPassword, account.EmailNormalized) is { } weakness)
        {
            throw InvalidInputException.For("newPassword", weakness);
        }

        var hash = passwords.Hash(command.NewPassword);
        var now = SiteClock.Now(time);
        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("UPDATE account SET password_hash = @hash WHERE id = @accountId", new { hash, accountId }, transaction);
            var ended = await Sessions.EndAllAsync(connection, transaction, accountId, now, keepToken: current.SessionToken);
            await Audit.RecordAsync(connection, transaction, accountId, "password.changed", $"account:{accountId}", $"{ended} other sessions ended", now);
            return ended;
        }, cancellationToken);
        return Unit.Value;
    }
}
