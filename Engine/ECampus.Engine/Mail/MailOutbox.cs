using System.Data.Common;
using Dapper;

namespace ECampus.Engine.Mail;

/// <summary>Mail is written to the outbox inside the same transaction as the change it announces, and delivered afterwards.</summary>
public static class MailOutbox
{
    private const string InsertSql = """
        INSERT INTO mail_outbox (to_address, subject, body_text, created_at) VALUES (@To, @Subject, @Body, @Now)
        """;

    public static Task EnqueueAsync(DbConnection connection, DbTransaction transaction, string to, string subject, string body, DateTimeOffset now) =>
        connection.ExecuteAsync(InsertSql, new { To = to, Subject = subject, Body = body, Now = now }, transaction);
}
