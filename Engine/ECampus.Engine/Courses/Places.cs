using System.Data.Common;
using Dapper;
using ECampus.Content;
using ECampus.Engine.Accounts;
using ECampus.Engine.Mail;

namespace ECampus.Engine.Courses;

/// <summary>
/// Places in a course (or in one cohort of it): who holds one, and the ordered waiting list that moves up when one
/// frees. Every method runs inside the caller's write transaction; writes are serialised, so counting and taking a
/// place cannot interleave with another request's.
/// </summary>
public static class Places
{
    /// <summary>Learners holding a place in the cohort, or in the course when it has no cohorts.</summary>
    public static Task<long> TakenAsync(DbConnection connection, DbTransaction transaction, string courseId, long? cohortId) =>
        connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM enrolment WHERE course_id = @CourseId AND status = 'active' AND cohort_id IS @CohortId",
            new { CourseId = courseId, CohortId = cohortId }, transaction);

    /// <summary>The capacity that applies: the cohort's own, else the course's; null means unlimited.</summary>
    public static async Task<int?> CapacityAsync(DbConnection connection, DbTransaction transaction, EnrolmentRules rules, long? cohortId)
    {
        if (cohortId is not null)
        {
            var own = await connection.ExecuteScalarAsync<long?>("SELECT capacity FROM cohort WHERE id = @CohortId", new { CohortId = cohortId }, transaction);
            if (own is { } capacity)
            {
                return (int)capacity;
            }
        }

        return rules.Capacity;
    }

    /// <summary>True when one more learner fits.</summary>
    public static async Task<bool> HasRoomAsync(DbConnection connection, DbTransaction transaction, string courseId, long? cohortId, EnrolmentRules rules) =>
        await CapacityAsync(connection, transaction, rules, cohortId) is not { } capacity
        || await TakenAsync(connection, transaction, courseId, cohortId) < capacity;

    /// <summary>Gives the enrolment a place: active, with the learner role that opens the course to them.</summary>
    public static async Task GrantAsync(DbConnection connection, DbTransaction transaction, long enrolmentId, DateTimeOffset now)
    {
        await connection.ExecuteAsync(
            "UPDATE enrolment SET status = 'active', enrolled_at = coalesce(enrolled_at, @Now) WHERE id = @EnrolmentId",
            new { Now = now, EnrolmentId = enrolmentId }, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO course_role (course_id, account_id, role, granted_at)
            SELECT course_id, account_id, 'learner', @Now FROM enrolment WHERE id = @EnrolmentId
            ON CONFLICT DO NOTHING
            """, new { Now = now, EnrolmentId = enrolmentId }, transaction);
    }

    /// <summary>Takes the place back (withdrawn, removed): the course closes to them, their records stay.</summary>
    public static async Task ReleaseAsync(DbConnection connection, DbTransaction transaction, long enrolmentId, string status, long? decidedBy, string? reason, DateTimeOffset now)
    {
        await connection.ExecuteAsync("""
            DELETE FROM course_role WHERE role = 'learner'
              AND (course_id, account_id) = (SELECT course_id, account_id FROM enrolment WHERE id = @EnrolmentId)
            """, new { EnrolmentId = enrolmentId }, transaction);
        await connection.ExecuteAsync(
            "UPDATE enrolment SET status = @Status, decided_at = @Now, decided_by = @DecidedBy, reason = @Reason WHERE id = @EnrolmentId",
            new { Status = status, Now = now, DecidedBy = decidedBy, Reason = reason, EnrolmentId = enrolmentId }, transaction);
    }

    /// <summary>
    /// Ends a place, request or waiting-list entry (withdrawn, removed) and, when it was a place, gives it to the
    /// longest-waiting learner of the same cohort.
    /// </summary>
    public static async Task VacateAsync(
        DbConnection connection, DbTransaction transaction, Pack pack, long enrolmentId, string heldStatus, long? cohortId,
        string newStatus, long? decidedBy, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        await ReleaseAsync(connection, transaction, enrolmentId, newStatus, decidedBy, reason, now);
        await Audit.RecordAsync(connection, transaction, decidedBy, $"enrolment.{newStatus}", $"course:{pack.Id}",
            reason is null ? $"enrolment {enrolmentId}" : $"enrolment {enrolmentId}: {reason}", now);
        if (heldStatus == EnrolmentRow.Active)
        {
            var rules = await EnrolmentRules.ReadAsync(connection, pack, cancellationToken, transaction);
            await MoveUpAsync(connection, transaction, pack.Id, pack.Title, cohortId, rules, now);
        }
    }

    /// <summary>
    /// Moves the waiting list up while there is room: the longest-waiting learners get the places, and a mail says so.
    /// Returns the accounts that got one.
    /// </summary>
    public static async Task<IReadOnlyList<long>> MoveUpAsync(
        DbConnection connection, DbTransaction transaction, string courseId, string courseTitle, long? cohortId, EnrolmentRules rules, DateTimeOffset now)
    {
        var promoted = new List<long>();
        while (await HasRoomAsync(connection, transaction, courseId, cohortId, rules))
        {
            var next = await connection.QuerySingleOrDefaultAsync<(long Id, long AccountId, string Email)?>("""
                SELECT e.id, e.account_id, a.email FROM enrolment e JOIN account a ON a.id = e.account_id
                WHERE e.course_id = @CourseId AND e.status = 'waitlisted' AND e.cohort_id IS @CohortId
                ORDER BY e.queued_at, e.id LIMIT 1
                """, new { CourseId = courseId, CohortId = cohortId }, transaction);
            if (next is not { } waiting)
            {
                break;
            }

            await GrantAsync(connection, transaction, waiting.Id, now);
            await MailOutbox.EnqueueAsync(connection, transaction, waiting.Email, $"A place is yours: {courseTitle}",
                $"A place has freed up in \"{courseTitle}\" and it is now yours. The course is on your dashboard.", now);
            promoted.Add(waiting.AccountId);
        }

        return promoted;
    }

    /// <summary>The learner's place in the waiting list, counting from 1.</summary>
    public static Task<long> WaitlistPositionAsync(DbConnection connection, string courseId, long? cohortId, long enrolmentId, DbTransaction? transaction = null) =>
        connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM enrolment w, enrolment me
            WHERE me.id = @EnrolmentId AND w.course_id = @CourseId AND w.status = 'waitlisted' AND w.cohort_id IS @CohortId
              AND (w.queued_at < me.queued_at OR (w.queued_at = me.queued_at AND w.id <= me.id))
            """, new { CourseId = courseId, CohortId = cohortId, EnrolmentId = enrolmentId }, transaction);
}
