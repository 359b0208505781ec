using System.Data.Common;
using Dapper;
using ECampus.Engine.Courses;
using ECampus.Sdk;

namespace ECampus.Engine.Features.Forums;

/// <summary>A forum as stored. <see cref="CohortId"/> is 0 for a course space shared by learners without a cohort.</summary>
public sealed record ForumRow(long Id, string Kind, string? CourseId, long CohortId, string? ModuleId, long? CommunityId, string Title);

/// <summary>What the caller may do in one forum.</summary>
public sealed record ForumGrant(ForumRow Forum, bool CanPost, bool CanModerate);

/// <summary>A thread as stored, with its forum.</summary>
public sealed class ThreadRow
{
    public long Id { get; init; }
    public long ForumId { get; init; }
    public string Title { get; init; } = "";
    public long AuthorId { get; init; }
    public bool IsPinned { get; init; }
    public bool IsLocked { get; init; }
    public bool IsHidden { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }
    public long LastPostId { get; init; }
}

/// <summary>
/// The one answer to "may this person read, post in or moderate this forum", used by pages, the API and the hub alike.
/// Course spaces follow the access policy and the cohort: learners see their own cohort's space, tutors the spaces of
/// the cohorts they teach, administrators and authors all. Communities: members (moderators moderate), anyone signed
/// in may read a public one. Anything else is "not found", so a guessed id tells nothing.
/// </summary>
public sealed class ForumAccess(IAccessPolicy policy, PackCatalog catalog)
{
    private const string ForumSql = """
        SELECT id, kind, course_id AS CourseId, cohort_id AS CohortId, module_id AS ModuleId, community_id AS CommunityId, title
        FROM forum WHERE id = @Id
        """;

    private const string ThreadSql = """
        SELECT id, forum_id AS ForumId, title, author_id AS AuthorId, is_pinned AS IsPinned, is_locked AS IsLocked, is_hidden AS IsHidden,
               deleted_at AS DeletedAt, last_post_id AS LastPostId
        FROM forum_thread WHERE id = @Id
        """;

    public async Task<ForumGrant> RequireForumAsync(DbConnection connection, Actor actor, long forumId, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        RequireSignedIn(actor);
        var forum = await connection.QuerySingleOrDefaultAsync<ForumRow>(new CommandDefinition(ForumSql, new { Id = forumId }, transaction, cancellationToken: cancellationToken));
        return forum is null
            ? throw NotFound()
            : await GrantAsync(connection, actor, forum, cancellationToken, transaction) ?? throw NotFound();
    }

    /// <summary>The thread and the caller's grant in its forum. A hidden or deleted thread is only found by moderators.</summary>
    public async Task<(ForumGrant Grant, ThreadRow Thread)> RequireThreadAsync(DbConnection connection, Actor actor, long threadId, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        RequireSignedIn(actor);
        var thread = await connection.QuerySingleOrDefaultAsync<ThreadRow>(new CommandDefinition(ThreadSql, new { Id = threadId }, transaction, cancellationToken: cancellationToken))
            ?? throw new NotFoundException("There is no such thread, or you have no access to it.");
        var grant = await RequireForumAsync(connection, actor, thread.ForumId, cancellationToken, transaction);
        if ((thread.IsHidden || thread.DeletedAt is not null) && !grant.CanModerate)
        {
            throw new NotFoundException("There is no such thread, or you have no access to it.");
        }

        return (grant, thread);
    }

    /// <summary>The thread a post belongs to, checked as <see cref="RequireThreadAsync"/>.</summary>
    public async Task<(ForumGrant Grant, ThreadRow Thread)> RequirePostAsync(DbConnection connection, Actor actor, long postId, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        RequireSignedIn(actor);
        var threadId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT thread_id FROM forum_post WHERE id = @Id", new { Id = postId }, transaction, cancellationToken: cancellationToken))
            ?? throw new NotFoundException("There is no such post, or you have no access to it.");
        return await RequireThreadAsync(connection, actor, threadId, cancellationToken, transaction);
    }

    /// <summary>The caller's grant in <paramref name="forum"/>, or null when they may not even read it.</summary>
    public async Task<ForumGrant?> GrantAsync(DbConnection connection, Actor actor, ForumRow forum, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        if (!actor.IsSignedIn)
        {
            return null;
        }

        if (actor.HasSiteRole(SiteRoles.Admin))
        {
            return new ForumGrant(forum, true, true);
        }

        if (forum.CommunityId is { } communityId)
        {
            var membership = await connection.QuerySingleOrDefaultAsync<(string Role, string Status)?>(new CommandDefinition(
                "SELECT role, status FROM forum_community_member WHERE community_id = @CommunityId AND account_id = @AccountId",
                new { CommunityId = communityId, actor.AccountId }, transaction, cancellationToken: cancellationToken));
            if (membership is { Status: "active" } member)
            {
                return new ForumGrant(forum, true, member.Role == "moderator");
            }

            var isPublic = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT is_public FROM forum_community WHERE id = @CommunityId", new { CommunityId = communityId }, transaction, cancellationToken: cancellationToken));
            return isPublic ? new ForumGrant(forum, false, false) : null;
        }

        var courseId = forum.CourseId!;
        if (catalog.Find(courseId) is null)
        {
            return null;
        }

        if (actor.IsStaff())
        {
            return new ForumGrant(forum, true, true);
        }

        if (await policy.IsAllowedAsync(actor, Permissions.TeachCourse, courseId, cancellationToken)
            && (forum.CohortId == 0 || await TeachesAsync(connection, actor, forum.CohortId, cancellationToken, transaction)))
        {
            return new ForumGrant(forum, true, true);
        }

        if (await policy.IsAllowedAsync(actor, Permissions.TakeCourse, courseId, cancellationToken))
        {
            var cohort = await LearnerCohortAsync(connection, actor, courseId, cancellationToken, transaction);
            if (cohort == forum.CohortId)
            {
                return new ForumGrant(forum, true, false);
            }
        }

        return null;
    }

    /// <summary>The cohort spaces of a course the caller may enter: null when they may enter none.</summary>
    public async Task<IReadOnlyList<long>?> CourseCohortsAsync(DbConnection connection, Actor actor, string courseId, CancellationToken cancellationToken)
    {
        RequireSignedIn(actor);
        if (actor.IsStaff())
        {
            var all = (await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT id FROM cohort WHERE course_id = @CourseId ORDER BY starts_on, id", new { CourseId = courseId }, cancellationToken: cancellationToken))).ToList();
            return all.Count == 0 ? [0] : all;
        }

        if (await policy.IsAllowedAsync(actor, Permissions.TeachCourse, courseId, cancellationToken))
        {
            var taught = await CourseAccess.TaughtCohortsAsync(connection, actor, courseId, cancellationToken);
            return taught is { Count: > 0 } ? taught.Order().ToList() : [0];
        }

        if (await policy.IsAllowedAsync(actor, Permissions.TakeCourse, courseId, cancellationToken))
        {
            return [await LearnerCohortAsync(connection, actor, courseId, cancellationToken, null)];
        }

        return null;
    }

    /// <summary>Whether the caller moderates some of a course's spaces (staff, or a tutor of the course or one of its cohorts).</summary>
    public async Task<bool> ModeratesInCourseAsync(Actor actor, string courseId, CancellationToken cancellationToken) =>
        actor.IsSignedIn && (actor.HasSiteRole(SiteRoles.Admin) || actor.IsStaff() || await policy.IsAllowedAsync(actor, Permissions.TeachCourse, courseId, cancellationToken));

    private static async Task<bool> TeachesAsync(DbConnection connection, Actor actor, long cohortId, CancellationToken cancellationToken, DbTransaction? transaction) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM cohort_tutor WHERE cohort_id = @CohortId AND account_id = @AccountId",
            new { CohortId = cohortId, actor.AccountId }, transaction, cancellationToken: cancellationToken)) > 0;

    private static async Task<long> LearnerCohortAsync(DbConnection connection, Actor actor, string courseId, CancellationToken cancellationToken, DbTransaction? transaction) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT coalesce(cohort_id, 0) FROM enrolment WHERE course_id = @CourseId AND account_id = @AccountId AND status = 'active'",
            new { CourseId = courseId, actor.AccountId }, transaction, cancellationToken: cancellationToken)) ?? -1;

    private static void RequireSignedIn(Actor actor)
    {
        if (!actor.IsSignedIn)
        {
            throw new SignInRequiredException();
        }
    }

    private static NotFoundException NotFound() => new("There is no such forum, or you have no access to it.");
}
