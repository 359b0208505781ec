using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Accounts;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Site;

/// <summary>An administrator changes the site's run-time settings.</summary>
public sealed record UpdateSiteSettings(bool RequireApproval) : ICommand, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.AdministerSite);
}

public sealed class UpdateSiteSettingsHandler(IDatabase database, CurrentActor current, TimeProvider time) : ICommandHandler<UpdateSiteSettings>
{
    private const string UpsertSql = """
        INSERT INTO site_setting (key, value, updated_at) VALUES (@Key, @Value, @Now)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        """;

    public async ValueTask<Unit> Handle(UpdateSiteSettings command, CancellationToken cancellationToken)
    {
        var now = SiteClock.Now(time);
        var value = command.RequireApproval ? "true" : "false";
        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(UpsertSql, new { Key = SiteSettings.RequireApprovalKey, Value = value, Now = now }, transaction);
            await Audit.RecordAsync(connection, transaction, current.Actor.AccountId, "site.settings", SiteSettings.RequireApprovalKey, value, now);
            return 1;
        }, cancellationToken);
        return Unit.Value;
    }
}
