using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Engine.Features.Site;
using ECampus.Engine.Mail;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Accounts;

public sealed record RegisterAccount(
    string Email, string Password, string DisplayName,
    string? Country = null, string? Region = null, string? OrganisationType = null, string? Gender = null)
    : ICommand<RegisteredAccount>, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Anyone;

    public IEnumerable<(string Field, string Message)> Validate()
    {
        foreach (var error in Emails.CheckIdentity(Email, DisplayName))
        {
            yield return error;
        }

        foreach (var error in ProfileChoices.Check(Country, Region, OrganisationType, Gender))
        {
            yield return error;
        }
    }
}

public sealed record RegisteredAccount(long AccountId, bool AwaitsApproval);

public sealed class RegisterAccountHandler(IDatabase database, Passwords passwords, IEngineEvents events, TimeProvider time)
    : ICommandHandler<RegisterAccount, RegisteredAccount>
{
    private const string InsertSql = """
        INSERT INTO account (email, email_normalized, display_name, password_hash, status, country, region, organisation_type, gender, created_at, approved_at)
        VALUES (@Email, @EmailNormalized, @DisplayName, @PasswordHash, @Status, @Country, @Region, @OrganisationType, @Gender, @Now, @ApprovedAt)
        RETURNING id
        """;

    private const string AdminsSql = """
        SELECT a.email FROM account a JOIN account_role r ON r.account_id = a.id WHERE r.role = 'admin' AND a.status = 'active'
        """;

    public async ValueTask<RegisteredAccount> Handle(RegisterAccount command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim();
        if (passwords.Weakness(command.Password, email) is { } weakness)
        {
            throw InvalidInputException.For("password", weakness);
        }

        var hash = passwords.Hash(command.Password);
        var now = SiteClock.Now(time);
        var (registered, staged) = await database.WriteAsync(async (connection, transaction) =>
        {
            var normalized = Emails.Normalize(email);
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account WHERE email_normalized = @normalized", new { normalized }, transaction) > 0)
            {
                throw new ConflictException("An account with this email address already exists. Sign in, or reset your password if you forgot it.");
            }

            var settings = await SiteSettings.ReadAsync(connection, transaction);
            var id = await connection.ExecuteScalarAsync<long>(InsertSql, new
            {
                Email = email,
                EmailNormalized = normalized,
                DisplayName = command.DisplayName.Trim(),
                PasswordHash = hash,
                Status = settings.RequireApproval ? "pending" : "active",
                Country = ProfileChoices.Clean(command.Country),
                Region = ProfileChoices.Clean(command.Region),
                OrganisationType = ProfileChoices.Clean(command.OrganisationType),
                Gender = ProfileChoices.Clean(command.Gender),
                Now = now,
                ApprovedAt = settings.RequireApproval ? (DateTimeOffset?)null : now,
            }, transaction);

            if (settings.RequireApproval)
            {
                foreach (var admin in await connection.QueryAsync<string>(AdminsSql, transaction: transaction))
                {
                    await MailOutbox.EnqueueAsync(connection, transaction, admin, "A new ECampus account awaits approval",
                        $"{command.DisplayName.Trim()} <{email}> registered and awaits your approval under Admin > Accounts.", now);
                }
            }

            var staged = await events.StageAsync(connection, transaction, new AccountRegistered(id, settings.RequireApproval, now), cancellationToken);
            return (new RegisteredAccount(id, settings.RequireApproval), staged);
        }, cancellationToken);

        await events.PublishAsync(staged, cancellationToken);
        return registered;
    }
}
