using System.Data.Common;
using Dapper;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>An attempt as stored in <c>quizzes_attempt</c>.</summary>
public sealed class AttemptRow
{
    public const string Open = "open";
    public const string Submitted = "submitted";
    public const string Expired = "expired";

    public const string Columns = """
        id AS Id, course_id AS CourseId, quiz_id AS QuizId, account_id AS AccountId, cohort_id AS CohortId, number AS Number,
        kind AS Kind, snapshot_id AS SnapshotId, order_json AS OrderJson, started_at AS StartedAt, deadline_at AS DeadlineAt,
        closes_at AS ClosesAt, status AS Status, submitted_at AS SubmittedAt, result_json AS ResultJson
        """;

    public string Id { get; init; } = "";
    public string CourseId { get; init; } = "";
    public string QuizId { get; init; } = "";
    public long AccountId { get; init; }
    public long? CohortId { get; init; }
    public long Number { get; init; }
    public string Kind { get; init; } = "";
    public string SnapshotId { get; init; } = "";
    public string OrderJson { get; init; } = "";
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? DeadlineAt { get; init; }
    public DateTimeOffset? ClosesAt { get; init; }
    public string Status { get; init; } = "";
    public DateTimeOffset? SubmittedAt { get; init; }
    public string? ResultJson { get; init; }

    public bool IsOpen => Status == Open;

    public QuizKind QuizKind => Enum.Parse<QuizKind>(Kind, ignoreCase: true);

    /// <summary>Whether answers arriving at <paramref name="now"/> are too late, the grace included.</summary>
    public bool IsPastDeadline(DateTimeOffset now, TimeSpan grace) => DeadlineAt is { } deadline && now > deadline + grace;

    public AttemptOrder Order => System.Text.Json.JsonSerializer.Deserialize<AttemptOrder>(OrderJson, AttemptJson.Options)!;

    public QuizResult? Result => ResultJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<QuizResult>(ResultJson, AttemptJson.Options);

    /// <summary>The attempt, only when it belongs to this learner, course and quiz; anything else is "not found".</summary>
    public static async Task<AttemptRow?> FindAsync(DbConnection connection, DbTransaction? transaction, string attemptId, string courseId, string quizId, long accountId) =>
        await connection.QuerySingleOrDefaultAsync<AttemptRow>(
            $"SELECT {Columns} FROM quizzes_attempt WHERE id = @attemptId AND course_id = @courseId AND quiz_id = @quizId AND account_id = @accountId",
            new { attemptId, courseId, quizId, accountId }, transaction);

    public static async Task<Quiz> QuizAsync(DbConnection connection, DbTransaction? transaction, QuizSnapshots snapshots, string snapshotId)
    {
        if (snapshots.TryGet(snapshotId, out var quiz))
        {
            return quiz;
        }

        var json = await connection.QuerySingleAsync<string>("SELECT quiz_json FROM quizzes_snapshot WHERE id = @snapshotId", new { snapshotId }, transaction);
        return snapshots.Get(snapshotId, () => json);
    }

    public static async Task<Dictionary<string, Answer>> AnswersAsync(DbConnection connection, DbTransaction? transaction, string attemptId) =>
        (await connection.QueryAsync<(string QuestionId, string AnswerJson)>(
            "SELECT question_id, answer_json FROM quizzes_answer WHERE attempt_id = @attemptId", new { attemptId }, transaction))
        .ToDictionary(a => a.QuestionId, a => QuizJson.DeserializeAnswer(a.AnswerJson), StringComparer.Ordinal);
}
