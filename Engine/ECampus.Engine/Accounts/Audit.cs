using System.Data.Common;
using Dapper;

namespace ECampus.Engine.Accounts;

/// <summary>Records who did what to whom, inside the transaction that did it.</summary>
public static class Audit
{
    public static Task RecordAsync(DbConnection connection, DbTransaction transaction, long? actorAccountId, string action, string subject, string? detail, DateTimeOffset now) =>
        connection.ExecuteAsync(
            "INSERT INTO audit_event (at, actor_account_id, action, subject, detail) VALUES (@Now, @Actor, @Action, @Subject, @Detail)",
            new { Now = now, Actor = actorAccountId, Action = action, Subject = subject, Detail = detail },
            transaction);
}
