using Dapper;
using ECampus.Engine.Access;
using ECampus.Engine.Courses;
using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Features.Forums;

/// <summary>
/// Reported posts awaiting a decision in the forums the caller moderates (their cohorts' course spaces, communities they
/// moderate; everything for administrators), oldest report first, with the recent moderation log. Only tutors, staff
/// and community moderators have a queue (a tutor's may be empty while their course's forums are not opened yet).
/// </summary>
public sealed record ListModerationQueue : IQuery<ModerationQueue>, IAccessControlled
{
    public AccessRule Access => AccessRule.Require(Permissions.SignedIn);
}

public sealed record ModerationQueue(IReadOnlyList<ReportedPost> Reports, IReadOnlyList<ModerationEntry> Log);

public sealed class ReportedPost
{
    public long PostId { get; init; }
    public long ThreadId { get; init; }
    public string ThreadTitle { get; init; } = "";
    public string ForumTitle { get; init; } = "";
    public string AuthorName { get; init; } = "";
    public string BodyHtml { get; init; } = "";
    public bool IsHidden { get; init; }
    public long Reports { get; init; }
    public string Reasons { get; init; } = "";
    public DateTimeOffset FirstReportedAt { get; init; }
}

public sealed record ModerationEntry(DateTimeOffset At, string ActorName, string Action, string? Reason, string ForumTitle, long? ThreadId, long? PostId);

public sealed class ListModerationQueueHandler(IDatabase database, PackCatalog catalog, ICurrentActor current) : IQueryHandler<ListModerationQueue, ModerationQueue>
{
    // The forums a person moderates, decided by the same facts ForumAccess uses.
    private const string ModeratedForums = """
        SELECT f.id, f.course_id FROM forum f
        WHERE @Admin
           OR (f.kind <> 'community' AND (@Staff
               OR EXISTS (SELECT 1 FROM cohort_tutor ct WHERE ct.cohort_id = f.cohort_id AND ct.account_id = @AccountId)
               OR (f.cohort_id = 0 AND EXISTS (SELECT 1 FROM course_role cr WHERE cr.course_id = f.course_id AND cr.account_id = @AccountId AND cr.role = 'tutor'))))
           OR (f.kind = 'community' AND EXISTS (SELECT 1 FROM forum_community_member m
               WHERE m.community_id = f.community_id AND m.account_id = @AccountId AND m.status = 'active' AND m.role = 'moderator'))
        """;

    public async ValueTask<ModerationQueue> Handle(ListModerationQueue query, CancellationToken cancellationToken)
    {
        var actor = current.Actor;
        return await database.ReadAsync(async connection =>
        {
            var who = new { AccountId = actor.AccountId ?? 0, Admin = actor.HasSiteRole(SiteRoles.Admin), Staff = actor.IsStaff() };
            var forums = (await connection.QueryAsync<(long Id, string? CourseId)>(new CommandDefinition(ModeratedForums, who, cancellationToken: cancellationToken)))
                .Where(f => f.CourseId is null || catalog.Find(f.CourseId) is not null)
                .Select(f => f.Id).ToList();
            if (forums.Count == 0)
            {
                var moderates = who.Admin || who.Staff || await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
                    SELECT EXISTS (SELECT 1 FROM cohort_tutor WHERE account_id = @AccountId)
                        OR EXISTS (SELECT 1 FROM course_role WHERE account_id = @AccountId AND role = 'tutor')
                        OR EXISTS (SELECT 1 FROM forum_community_member WHERE account_id = @AccountId AND role = 'moderator' AND status = 'active')
                    """, who, cancellationToken: cancellationToken));
                return moderates ? new ModerationQueue([], []) : throw new AccessDeniedException("Only tutors and community moderators have a moderation queue.");
            }

            var reports = (await connection.QueryAsync<ReportedPost>(new CommandDefinition("""
                SELECT p.id AS PostId, t.id AS ThreadId, t.title AS ThreadTitle, f.title AS ForumTitle, a.display_name AS AuthorName,
                       p.body_html AS BodyHtml, p.is_hidden, count(*) AS Reports, group_concat(r.reason, ' · ') AS Reasons, min(r.created_at) AS FirstReportedAt
                FROM forum_report r
                JOIN forum_post p ON p.id = r.post_id
                JOIN forum_thread t ON t.id = p.thread_id
                JOIN forum f ON f.id = t.forum_id
                JOIN account a ON a.id = p.author_id
                WHERE r.resolved_at IS NULL AND t.forum_id IN @Forums
                GROUP BY p.id
                ORDER BY min(r.created_at)
                LIMIT 200
                """, new { Forums = forums }, cancellationToken: cancellationToken))).ToList();
            var log = (await connection.QueryAsync<ModerationEntry>(new CommandDefinition("""
                SELECT l.at, a.display_name AS ActorName, l.action, l.reason, f.title AS ForumTitle, l.thread_id, l.post_id
                FROM forum_moderation_log l JOIN account a ON a.id = l.actor_id JOIN forum f ON f.id = l.forum_id
                WHERE l.forum_id IN @Forums ORDER BY l.id DESC LIMIT 50
                """, new { Forums = forums }, cancellationToken: cancellationToken))).ToList();
            return new ModerationQueue(reports, log);
        }, cancellationToken);
    }
}
