using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Engine.Mail;
using ECampus.Sdk;
using Mediator;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Features.Accounts;

/// <summary>
/// Mails a one-time reset link when the address belongs to an active account. The answer is the same either way,
/// so the form cannot be used to find out who has an account.
/// </summary>
public sealed record RequestPasswordReset(string Email, string? ClientAddress) : ICommand, IAccessControlled
{
    public AccessRule Access => AccessRule.Anyone;
}

public sealed class RequestPasswordResetHandler(IDatabase database, SignInThrottle throttle, IOptions<EcampusOptions> options, TimeProvider time)
    : ICommandHandler<RequestPasswordReset>
{
    public async ValueTask<Unit> Handle(RequestPasswordReset command, CancellationToken cancellationToken)
    {
        var email = Emails.Normalize(command.Email ?? "");
        throttle.Check("reset:" + email, command.ClientAddress);
        // Every request counts, so the form cannot be used to flood someone's inbox.
        throttle.RecordFailure("reset:" + email, command.ClientAddress);

        var token = Sessions.NewSecret();
        var now = SiteClock.Now(time);
        var settings = options.Value;
        await database.WriteAsync(async (connection, transaction) =>
        {
            var account = await connection.QuerySingleOrDefaultAsync<(long Id, string Email)?>(
                "SELECT id, email FROM account WHERE email_normalized = @email AND status = 'active'", new { email }, transaction);
            if (account is not { } found)
            {
                return 0;
            }

            await connection.ExecuteAsync(
                "INSERT INTO password_reset (token_hash, account_id, created_at, expires_at) VALUES (@Hash, @Id, @Now, @ExpiresAt)",
                new { Hash = Sessions.HashSecret(token), found.Id, Now = now, ExpiresAt = now + settings.Accounts.PasswordResetLifetime }, transaction);
            var link = $"{settings.Mail.PublicUrl.TrimEnd('/')}/account/reset-password?token={Uri.EscapeDataString(token)}";
            await MailOutbox.EnqueueAsync(connection, transaction, found.Email, "Reset your ECampus password",
                $"Someone asked to reset the password of your ECampus account.\n\nTo choose a new password, open this link within {settings.Accounts.PasswordResetLifetime.TotalMinutes:0} minutes:\n{link}\n\nIf it was not you, ignore this mail: your password stays as it is.",
                now);
            return 1;
        }, cancellationToken);
        return Unit.Value;
    }
}
