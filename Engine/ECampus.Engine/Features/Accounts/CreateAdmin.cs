using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Accounts;

/// <summary>
/// Creates an administrator: from the one-time setup page while the site has none, or from the command line at any time.
/// There is never a default password.
/// </summary>
public sealed record CreateAdmin(string Email, string DisplayName, string Password, bool OnlyIfSiteHasNoAdmin)
    : ICommand<long>, IAccessControlled, IValidated
{
    // The setup page is open to the first visitor; the handler refuses once an admin exists.
    public AccessRule Access => OnlyIfSiteHasNoAdmin ? AccessRule.Anyone : AccessRule.Require(Permissions.AdministerSite);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        foreach (var error in Emails.CheckIdentity(Email, DisplayName))
        {
            yield return error;
        }
    }
}

public sealed class CreateAdminHandler(IDatabase database, Passwords passwords, CurrentActor current, TimeProvider time)
    : ICommandHandler<CreateAdmin, long>
{
    public async ValueTask<long> Handle(CreateAdmin command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim();
        if (passwords.Weakness(command.Password, email) is { } weakness)
        {
            throw InvalidInputException.For("password", weakness);
        }

        var hash = passwords.Hash(command.Password);
        var now = SiteClock.Now(time);
        return await database.WriteAsync(async (connection, transaction) =>
        {
            if (command.OnlyIfSiteHasNoAdmin &&
                await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account_role WHERE role = 'admin'", transaction: transaction) > 0)
            {
                throw new ConflictException("This site is already set up. Sign in with the administrator account.");
            }

            var normalized = Emails.Normalize(email);
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account WHERE email_normalized = @normalized", new { normalized }, transaction) > 0)
            {
                throw new ConflictException("An account with this email address already exists.");
            }

            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO account (email, email_normalized, display_name, password_hash, status, created_at, approved_at)
                VALUES (@email, @normalized, @DisplayName, @hash, 'active', @now, @now) RETURNING id
                """,
                new { email, normalized, DisplayName = command.DisplayName.Trim(), hash, now }, transaction);
            await connection.ExecuteAsync("INSERT INTO account_role (account_id, role) VALUES (@id, 'admin')", new { id }, transaction);
            await Audit.RecordAsync(connection, transaction, current.Actor.AccountId, "admin.created", $"account:{id}",
                command.OnlyIfSiteHasNoAdmin ? "first-run setup" : current.Actor.IsSystem ? "command line" : null, now);
            return id;
        }, cancellationToken);
    }
}
