using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Accounts;

/// <summary>The signed-in person's own account.</summary>
public sealed record GetMe : IQuery<Me>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed record Me(
    long Id, string Email, string DisplayName, IReadOnlyList<string> SiteRoles,
    string? Country, string? Region, string? OrganisationType, string? Gender, DateTimeOffset CreatedAt);

public sealed class GetMeHandler(IDatabase database, ICurrentActor current, AccountProfiles profiles) : IQueryHandler<GetMe, Me>
{
    private const string Sql = """
        SELECT id, email, display_name, country, region, organisation_type, gender, created_at FROM account WHERE id = @AccountId
        """;

    internal sealed record Row(long Id, string Email, string DisplayName, string? Country, string? Region, string? OrganisationType, string? Gender, DateTimeOffset CreatedAt);

    public async ValueTask<Me> Handle(GetMe query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        var row = await profiles.Cache.GetAsync(actor.AccountId!.Value, () => database.ReadAsync(
            connection => connection.QuerySingleAsync<Row>(new CommandDefinition(Sql, new { actor.AccountId }, cancellationToken: cancellationToken)),
            cancellationToken));
        return new Me(row.Id, row.Email, row.DisplayName, actor.SiteRoles.Order(StringComparer.Ordinal).ToList(),
            row.Country, row.Region, row.OrganisationType, row.Gender, row.CreatedAt);
    }
}

/// <summary>Profiles read by <see cref="GetMe"/> on every call of scripts and apps, kept until an account row changes.</summary>
public sealed class AccountProfiles(Data.RowChanges rowChanges, TimeProvider time)
{
    internal Data.TableCache<long, GetMeHandler.Row> Cache { get; } = new(rowChanges, time, "account");
}
