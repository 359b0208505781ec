using System.Data.Common;
using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Events;
using ECampus.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// Notifies the followers of a new post in a write of its own, after the post has been stored and announced to the
/// people watching live: a post to a thread followed by hundreds writes hundreds of notification rows, and they should
/// not hold back the announcement. The post keeps <c>followers_pending</c> until its notifications are written, so a
/// process stopped in between, or a failed second write, leaves the work to <see cref="AfterCommitSweep"/>.
/// </summary>
public sealed partial class ForumFollowers(IDatabase database, ForumUnreadCounts unread, IServiceScopeFactory scopes, TimeProvider time, ILogger<ForumFollowers> logger)
    : IAfterCommitWork
{
    private const int Batch = 100;

    /// <summary>
    /// Notifies the followers of a post just stored and pushes their new counts. The post is accepted whatever happens
    /// here: a failure is logged and left to the sweep, and the author leaving the request stops neither.
    /// </summary>
    public async Task NotifyAsync(long postId, IEngineEvents events)
    {
        try
        {
            await NotifyAndPushAsync(postId, events, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogNotifyFailed(e, postId);
        }
    }

    /// <summary>Notifies the followers of every post stored before <paramref name="before"/> whose followers were not notified.</summary>
    public async Task<int> FinishAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var finished = 0;
        var after = 0L;
        while (true)
        {
            // In id order from where the last batch ended, so a post that fails is passed over until the next sweep.
            var pending = (await database.ReadAsync(connection => connection.QueryAsync<long>(new CommandDefinition(
                "SELECT id FROM forum_post WHERE followers_pending = 1 AND created_at < @Before AND id > @After ORDER BY id LIMIT @Batch",
                new { Before = before, After = after, Batch }, cancellationToken: cancellationToken)), cancellationToken)).ToList();
            foreach (var postId in pending)
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = Actor.System;
                try
                {
                    await NotifyAndPushAsync(postId, scope.ServiceProvider.GetRequiredService<IEngineEvents>(), cancellationToken);
                    finished++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogNotifyFailed(e, postId);
                }

                after = postId;
            }

            if (pending.Count < Batch)
            {
                return finished;
            }
        }
    }

    private async Task NotifyAndPushAsync(long postId, IEngineEvents events, CancellationToken cancellationToken)
    {
        var notified = await database.WriteAsync((connection, transaction) => NotifyInAsync(connection, transaction, postId), cancellationToken);
        unread.Forget(notified);
        if (notified.Count > 0)
        {
            await events.PublishAsync(new ForumUnreadChanged(notified, SiteClock.Now(time)), cancellationToken);
        }
    }

    /// <summary>Writes the notifications of one pending post; returns the people notified (none if it was not pending).</summary>
    private static async Task<IReadOnlyList<long>> NotifyInAsync(DbConnection connection, DbTransaction transaction, long postId)
    {
        var post = await connection.QuerySingleOrDefaultAsync<PendingPost>("""
            SELECT p.id AS PostId, p.thread_id AS ThreadId, t.forum_id AS ForumId, p.author_id AS AuthorId, p.created_at AS CreatedAt,
                   (p.deleted_at IS NOT NULL OR p.is_hidden OR t.deleted_at IS NOT NULL OR t.is_hidden) AS Hidden
            FROM forum_post p JOIN forum_thread t ON t.id = p.thread_id
            WHERE p.id = @PostId AND p.followers_pending = 1
            """, new { PostId = postId }, transaction);
        if (post is null)
        {
            return [];
        }

        // Subscribers who can still read the forum (where the thread is now, should it have been moved meanwhile);
        // someone who left the course or community hears nothing more.
        var notified = (await connection.QueryAsync<long>("""
            INSERT INTO forum_notification (account_id, post_id, created_at, hidden)
            SELECT s.account_id, @PostId, @CreatedAt, @Hidden
            FROM (SELECT account_id FROM forum_subscription WHERE forum_id = @ForumId
                  UNION SELECT account_id FROM forum_thread_subscription WHERE thread_id = @ThreadId) s
            JOIN forum f ON f.id = @ForumId
            WHERE s.account_id <> @AuthorId
              AND (EXISTS (SELECT 1 FROM account_role r WHERE r.account_id = s.account_id AND r.role = 'admin')
                   OR (f.kind = 'community' AND EXISTS (SELECT 1 FROM forum_community_member m
                        WHERE m.community_id = f.community_id AND m.account_id = s.account_id AND m.status = 'active'))
                   OR (f.kind <> 'community' AND (
                        EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = f.course_id AND e.account_id = s.account_id
                                AND e.status = 'active' AND coalesce(e.cohort_id, 0) = f.cohort_id)
                        OR EXISTS (SELECT 1 FROM cohort_tutor ct WHERE ct.cohort_id = f.cohort_id AND ct.account_id = s.account_id)
                        OR (f.cohort_id = 0 AND EXISTS (SELECT 1 FROM course_role cr
                            WHERE cr.course_id = f.course_id AND cr.account_id = s.account_id AND cr.role = 'tutor')))))
            ON CONFLICT DO NOTHING
            RETURNING account_id
            """, post, transaction)).ToList();
        await connection.ExecuteAsync("UPDATE forum_post SET followers_pending = 0 WHERE id = @PostId", new { PostId = postId }, transaction);
        return notified;
    }

    private sealed class PendingPost
    {
        public long PostId { get; init; }
        public long ThreadId { get; init; }
        public long ForumId { get; init; }
        public long AuthorId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public bool Hidden { get; init; }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notifying the followers of post {PostId} failed; the post is stored and the sweep will notify them")]
    private partial void LogNotifyFailed(Exception exception, long postId);
}
