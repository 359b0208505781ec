using System.Text;
using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Mail;
using ECampus.Sdk;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// Mails each person one digest of the forum posts they were notified of and have not read, at most once per
/// <see cref="ForumOptions.DigestPeriod"/>, through the outbox. The mail names threads and counts, never post text, so a
/// forwarded digest leaks nothing. Returns how many digests were queued.
/// </summary>
public sealed record SendForumDigests : ICommand<int>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.AdministerSite);
}

public sealed class SendForumDigestsHandler(IDatabase database, IOptions<ForumOptions> options, IOptions<EcampusOptions> site, TimeProvider time)
    : ICommandHandler<SendForumDigests, int>
{
    private sealed class Pending
    {
        public long AccountId { get; init; }
        public string Email { get; init; } = "";
        public long ThreadId { get; init; }
        public string ThreadTitle { get; init; } = "";
        public string ForumTitle { get; init; } = "";
        public long Posts { get; init; }
    }

    public async ValueTask<int> Handle(SendForumDigests command, CancellationToken cancellationToken)
    {
        var now = SiteClock.Now(time);
        var due = now - options.Value.DigestPeriod;
        var publicUrl = site.Value.Mail.PublicUrl.TrimEnd('/');
        return await database.WriteAsync(async (connection, transaction) =>
        {
            var pending = (await connection.QueryAsync<Pending>("""
                SELECT n.account_id, a.email, t.id AS ThreadId, t.title AS ThreadTitle, f.title AS ForumTitle, count(*) AS Posts
                FROM forum_notification n
                JOIN account a ON a.id = n.account_id AND a.status = 'active'
                JOIN forum_post p ON p.id = n.post_id AND p.deleted_at IS NULL AND p.is_hidden = 0
                JOIN forum_thread t ON t.id = p.thread_id AND t.deleted_at IS NULL AND t.is_hidden = 0
                JOIN forum f ON f.id = t.forum_id
                LEFT JOIN forum_digest d ON d.account_id = n.account_id
                WHERE n.digested_at IS NULL AND n.read_at IS NULL AND (d.last_sent_at IS NULL OR d.last_sent_at <= @Due)
                GROUP BY n.account_id, t.id
                ORDER BY n.account_id, max(n.id) DESC
                """, new { Due = due }, transaction)).ToList();
            foreach (var person in pending.GroupBy(p => (p.AccountId, p.Email)))
            {
                var text = new StringBuilder("New posts in the forums you follow:\n\n");
                foreach (var thread in person)
                {
                    text.Append(System.Globalization.CultureInfo.InvariantCulture,
                        $"- {thread.ThreadTitle} ({thread.ForumTitle}): {thread.Posts} new post{(thread.Posts == 1 ? "" : "s")}\n  {publicUrl}/forums/threads/{thread.ThreadId}\n");
                }

                text.Append("\nYou receive at most one of these digests per period. Unsubscribe from a thread or forum on its page.\n");
                await MailOutbox.EnqueueAsync(connection, transaction, person.Key.Email, "New forum posts", text.ToString(), now);
                await connection.ExecuteAsync("""
                    INSERT INTO forum_digest (account_id, last_sent_at) VALUES (@AccountId, @Now)
                    ON CONFLICT (account_id) DO UPDATE SET last_sent_at = excluded.last_sent_at
                    """, new { person.Key.AccountId, Now = now }, transaction);
                await connection.ExecuteAsync("UPDATE forum_notification SET digested_at = @Now WHERE account_id = @AccountId AND digested_at IS NULL",
                    new { person.Key.AccountId, Now = now }, transaction);
            }

            // Notifications read in the app before their digest was due need no mail.
            await connection.ExecuteAsync("UPDATE forum_notification SET digested_at = @Now WHERE digested_at IS NULL AND read_at IS NOT NULL", new { Now = now }, transaction);
            return pending.Select(p => p.AccountId).Distinct().Count();
        }, cancellationToken);
    }
}

/// <summary>Runs <see cref="SendForumDigests"/> every <see cref="ForumOptions.DigestCheckInterval"/>.</summary>
public sealed partial class ForumDigestJob(IServiceScopeFactory scopes, IOptions<ForumOptions> options, TimeProvider time, ILogger<ForumDigestJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DigestCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendForumDigests(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDigestFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forum digests could not be sent; the next run tries again")]
    private partial void LogDigestFailed(Exception exception);
}
