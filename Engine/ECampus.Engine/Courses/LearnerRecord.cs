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

    private const string Sql = """
        SELECT id, account_id, cohort_id, status, language, queued_at, enrolled_at, reason
        FROM enrolment WHERE course_id = @CourseId AND account_id = @AccountId;
        SELECT c.id, c.course_id, c.name, c.starts_on, c.capacity
        FROM cohort c JOIN enrolment e ON e.cohort_id = c.id WHERE e.course_id = @CourseId AND e.account_id = @AccountId;
        SELECT module_id, module_title, started_at, completed_at, completed_by, content_hash
        FROM module_progress WHERE course_id = @CourseId AND account_id = @AccountId;
        SELECT activity_id FROM activity_completion WHERE course_id = @CourseId AND account_id = @AccountId;
        SELECT position, goal, rating, reflection FROM learning_goal WHERE course_id = @CourseId AND account_id = @AccountId ORDER BY position;
        SELECT completed_at FROM course_completion WHERE course_id = @CourseId AND account_id = @AccountId;
        """;

    public static async Task<LearnerRecord> ReadAsync(
        DbConnection connection, string courseId, long accountId, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        using var results = await connection.QueryMultipleAsync(
            new CommandDefinition(Sql, new { CourseId = courseId, AccountId = accountId }, transaction, cancellationToken: cancellationToken));
        var enrolment = await results.ReadSingleOrDefaultAsync<EnrolmentRow>();
        var cohort = await results.ReadSingleOrDefaultAsync<CohortRow>();
        var progress = (await results.ReadAsync<ProgressRow>()).ToDictionary(p => p.ModuleId, StringComparer.Ordinal);
        var activities = (await results.ReadAsync<string>()).ToHashSet(StringComparer.Ordinal);
        var goals = (await results.ReadAsync<GoalRow>()).ToList();
        var completedAt = await results.ReadSingleOrDefaultAsync<DateTimeOffset?>();
        return new LearnerRecord(enrolment, cohort, progress, activities, goals, completedAt);
    }
}
