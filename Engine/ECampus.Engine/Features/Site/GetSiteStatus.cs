using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Site;

/// <summary>Whether the site has been set up (has an administrator), and its run-time settings.</summary>
public sealed record GetSiteStatus : IQuery<SiteStatus>, IAccessControlled
{
    public AccessRule Access => AccessRule.Anyone;
}

public sealed record SiteStatus(bool IsSetUp, SiteSettings Settings);

public sealed class GetSiteStatusHandler(IDatabase database) : IQueryHandler<GetSiteStatus, SiteStatus>
{
    public async ValueTask<SiteStatus> Handle(GetSiteStatus query, CancellationToken cancellationToken) =>
        await database.ReadAsync(async connection =>
        {
            var admins = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account_role WHERE role = 'admin'");
            return new SiteStatus(admins > 0, await SiteSettings.ReadAsync(connection));
        }, cancellationToken);
}
