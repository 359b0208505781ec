using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Accounts;

/// <summary>An administrator sets an account's site roles; the change applies to that person's very next request.</summary>
public sealed record SetSiteRoles(long AccountId, IReadOnlyList<string> Roles) : ICommand, IAccessControlled, IValidated
{
    public AccessRule Access => AccessRule.Require(Permissions.AdministerSite);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        foreach (var role in (Roles ?? []).Where(r => !SiteRoles.All.Contains(r)))
        {
            yield return ("roles", $"'{role}' is not a site role; use {string.Join(" or ", SiteRoles.All)}.");
        }
    }
}

public sealed class SetSiteRolesHandler(IDatabase database, CurrentActor current, TimeProvider time) : ICommandHandler<SetSiteRoles>
{
    public async ValueTask<Unit> Handle(SetSiteRoles command, CancellationToken cancellationToken)
    {
        var roles = command.Roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (command.AccountId == current.Actor.AccountId && !roles.Contains(SiteRoles.Admin))
        {
            throw InvalidInputException.For("roles", "You cannot remove your own administrator role; ask another administrator.");
        }

        var now = SiteClock.Now(time);
        await database.WriteAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account WHERE id = @AccountId", new { command.AccountId }, transaction) == 0)
            {
                throw new NotFoundException("There is no such account.");
            }

            await connection.ExecuteAsync("DELETE FROM account_role WHERE account_id = @AccountId", new { command.AccountId }, transaction);
            foreach (var role in roles)
            {
                await connection.ExecuteAsync("INSERT INTO account_role (account_id, role) VALUES (@AccountId, @role)", new { command.AccountId, role }, transaction);
            }

            await Audit.RecordAsync(connection, transaction, current.Actor.AccountId, "account.roles", $"account:{command.AccountId}", string.Join(",", roles), now);
            return roles.Count;
        }, cancellationToken);
        return Unit.Value;
    }
}
