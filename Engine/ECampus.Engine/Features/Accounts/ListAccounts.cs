using Dapper;
using ECampus.Engine.Access;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Accounts;

/// <summary>Accounts for administrators, newest first, optionally only those in one state or matching a search.</summary>
public sealed record ListAccounts(string? Status = null, string? Search = null, int Page = 1) : IQuery<AccountPage>, IAccessControlled, IValidated
{
    public const int PageSize = 50;

    public AccessRule Access => AccessRule.Require(Permissions.AdministerSite);

    public IEnumerable<(string Field, string Message)> Validate()
    {
        if (Status is not (null or "" or "pending" or "active" or "suspended"))
        {
            yield return ("status", "Status must be pending, active or suspended.");
        }

        if (Page < 1 || Page > 100_000)
        {
            yield return ("page", "Page must be a positive number.");
        }

        if (Search is { Length: > 200 })
        {
            yield return ("search", "Search for at most 200 characters.");
        }
    }
}

/// <remarks>Mapped by property: SQLite reports no type for a computed column when no row comes back, which constructor mapping cannot match.</remarks>
public sealed record AccountSummary
{
    public long Id { get; init; }

    public string Email { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string Status { get; init; } = "";

    public string SiteRoles { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastSignInAt { get; init; }
}

public sealed record AccountPage(IReadOnlyList<AccountSummary> Accounts, int Page, bool HasMore);

public sealed class ListAccountsHandler(IDatabase database) : IQueryHandler<ListAccounts, AccountPage>
{
    private const string Sql = """
        SELECT a.id, a.email, a.display_name, a.status,
               CAST(coalesce((SELECT group_concat(role, ', ') FROM account_role r WHERE r.account_id = a.id), '') AS TEXT) AS site_roles,
               a.created_at, a.last_sign_in_at
        FROM account a
        WHERE (@Status IS NULL OR a.status = @Status)
          AND (@Pattern IS NULL OR a.email_normalized LIKE @Pattern ESCAPE '\' OR lower(a.display_name) LIKE @Pattern ESCAPE '\')
        ORDER BY a.id DESC
        LIMIT @Take OFFSET @Skip
        """;

    public async ValueTask<AccountPage> Handle(ListAccounts query, CancellationToken cancellationToken)
    {
        var pattern = string.IsNullOrWhiteSpace(query.Search)
            ? null
            : "%" + query.Search.Trim().ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        var rows = await database.ReadAsync(
            async connection => (await connection.QueryAsync<AccountSummary>(new CommandDefinition(Sql, new
            {
                Status = string.IsNullOrEmpty(query.Status) ? null : query.Status,
                Pattern = pattern,
                Take = ListAccounts.PageSize + 1,
                Skip = (query.Page - 1) * ListAccounts.PageSize,
            }, cancellationToken: cancellationToken))).ToList(),
            cancellationToken);
        return new AccountPage(rows.Take(ListAccounts.PageSize).ToList(), query.Page, rows.Count > ListAccounts.PageSize);
    }
}
