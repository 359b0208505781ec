using System.Data.Common;
using Dapper;

namespace ECampus.Engine.Courses;

/// <summary>A person's enrolment in one course.</summary>
public sealed record EnrolmentRow(
    long Id, long AccountId, long? CohortId, string Status, string? Language, DateTimeOffset QueuedAt, DateTimeOffset? EnrolledAt, string? Reason)
{
    public const string Active = "active";
    public const string Requested = "requested";
    public const string Waitlisted = "waitlisted";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Removed = "removed";

    public bool IsActive => Status == Active;
}

/// <summary>A cohort of a cohort-paced course. Mapped by property: Dapper's constructor mapping ignores the day handler.</summary>
public sealed record CohortRow
{
    public long Id { get; init; }
    public string CourseId { get; init; } = "";
    public string Name { get; init; } = "";
    public DateOnly StartsOn { get; init; }
    public long? Capacity { get; init; }
}

/// <summary>Where a learner stands in one module; kept when the module leaves the pack.</summary>
public sealed record ProgressRow(string ModuleId, string ModuleTitle, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, string? CompletedBy, string ContentHash)
{
    public bool IsDone => CompletedAt is not null;
}

/// <summary>One learning goal, with its rating once the learner gave one.</summary>
public sealed record GoalRow(long Position, string Goal, long? Rating, string? Reflection);

/// <summary>Everything the engine keeps about one person in one course, read in one round trip.</summary>
public sealed record LearnerRecord(
    EnrolmentRow? Enrolment,
    CohortRow? Cohort,
    IReadOnlyDictionary<string, ProgressRow> Progress,
    IReadOnlySet<string> CompletedActivities,
    IReadOnlyList<GoalRow> Goals,
    DateTimeOffset? CompletedAt)
{
    public static LearnerRecord None { get; } = new(null, null, new Dictionary<string, ProgressRow>(), new HashSet<string>(), [], null);

    public bool IsActiveLearner => Enrolment?.IsActive == true;

    /// <summary>The enrolment, its cohort and the version of everything below them (see 0004_learner_record_version.sql).</summary>
    internal const string HeadSql = """
        SELECT e.record_version AS version, e.id AS enrolment_id, e.account_id, e.cohort_id, e.status, e.language, e.queued_at,
               e.enrolled_at, e.reason, c.name AS cohort_name, c.starts_on AS cohort_starts_on, c.capacity AS cohort_capacity
        FROM enrolment e LEFT JOIN cohort c ON c.id = e.cohort_id
        WHERE e.course_id = @CourseId AND e.account_id = @AccountId;
        """;

    /// <summary>Read after <see cref="HeadSql"/>, so the rows are never older than the version read with it.</summary>
    private const string RowsSql = """
        SELECT module_id, module_title, started_at, completed_at, completed_by, content_hash
        FROM module_progress WHERE course_id = @CourseId AND account_id = @AccountId;
        SELECT activity_id FROM activity_completion WHERE course_id = @CourseId AND account_id = @AccountId;
        SELECT position, goal, rating, reflection FROM learning_goal WHERE course_id = @CourseId AND account_id = @AccountId ORDER BY position;
        SELECT completed_at FROM course_completion WHERE course_id = @CourseId AND account_id = @AccountId;
        """;

    /// <summary>Reads the whole record; inside a write, pass its transaction to see what it wrote so far.</summary>
    public static async Task<LearnerRecord> ReadAsync(
        DbConnection connection, string courseId, long accountId, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(HeadSql + RowsSql, new { CourseId = courseId, AccountId = accountId }, transaction, cancellationToken: cancellationToken));
        var head = await results.ReadSingleOrDefaultAsync<Head>();
        return (await ReadRowsAsync(results)).Under(head, courseId);
    }

    internal static async Task<Head?> ReadHeadAsync(DbConnection connection, string courseId, long accountId, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<Head>(
            new CommandDefinition(HeadSql, new { CourseId = courseId, AccountId = accountId }, cancellationToken: cancellationToken));

    internal static async Task<Rows> ReadRowsAsync(DbConnection connection, string courseId, long accountId, CancellationToken cancellationToken)
    {
        using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(RowsSql, new { CourseId = courseId, AccountId = accountId }, cancellationToken: cancellationToken));
        return await ReadRowsAsync(results);
    }

    private static async Task<Rows> ReadRowsAsync(SqlMapper.GridReader results)
    {
        var progress = (await results.ReadAsync<ProgressRow>()).ToDictionary(p => p.ModuleId, StringComparer.Ordinal);
        var activities = (await results.ReadAsync<string>()).ToHashSet(StringComparer.Ordinal);
        var goals = (await results.ReadAsync<GoalRow>()).ToList();
        var completedAt = await results.ReadSingleOrDefaultAsync<DateTimeOffset?>();
        return new Rows(progress, activities, goals, completedAt);
    }

    /// <summary>The enrolment row with its cohort and record version. Mapped by property, for the day handler.</summary>
    internal sealed class Head
    {
        public long Version { get; init; }
        public long EnrolmentId { get; init; }
        public long AccountId { get; init; }
        public long? CohortId { get; init; }
        public string Status { get; init; } = "";
        public string? Language { get; init; }
        public DateTimeOffset QueuedAt { get; init; }
        public DateTimeOffset? EnrolledAt { get; init; }
        public string? Reason { get; init; }
        public string? CohortName { get; init; }
        public DateOnly? CohortStartsOn { get; init; }
        public long? CohortCapacity { get; init; }
    }

    /// <summary>What hangs below an enrolment: the part of the record worth keeping between page views.</summary>
    internal sealed record Rows(
        IReadOnlyDictionary<string, ProgressRow> Progress, IReadOnlySet<string> CompletedActivities, IReadOnlyList<GoalRow> Goals,
        DateTimeOffset? CompletedAt)
    {
        public int Count => Progress.Count + CompletedActivities.Count + Goals.Count + 1;

        public LearnerRecord Under(Head? head, string courseId) => new(
            head is null ? null : new EnrolmentRow(head.EnrolmentId, head.AccountId, head.CohortId, head.Status, head.Language, head.QueuedAt, head.EnrolledAt, head.Reason),
            head is { CohortId: { } cohortId, CohortStartsOn: { } startsOn }
                ? new CohortRow { Id = cohortId, CourseId = courseId, Name = head.CohortName ?? "", StartsOn = startsOn, Capacity = head.CohortCapacity }
                : null,
            Progress, CompletedActivities, Goals, CompletedAt);
    }
}
