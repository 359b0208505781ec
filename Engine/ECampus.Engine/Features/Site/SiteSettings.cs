using System.Data.Common;
using Dapper;

namespace ECampus.Engine.Features.Site;

/// <summary>Settings an administrator changes at run time; stored in <c>site_setting</c>.</summary>
public sealed record SiteSettings(bool RequireApproval)
{
    public const string RequireApprovalKey = "accounts.require_approval";

    public static async Task<SiteSettings> ReadAsync(DbConnection connection, DbTransaction? transaction = null)
    {
        var values = (await connection.QueryAsync<(string Key, string Value)>(
            "SELECT key, value FROM site_setting", transaction: transaction)).ToDictionary(v => v.Key, v => v.Value);
        return new SiteSettings(values.GetValueOrDefault(RequireApprovalKey) == "true");
    }
}
