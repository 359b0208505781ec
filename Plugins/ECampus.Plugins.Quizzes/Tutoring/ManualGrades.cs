using System.Data.Common;
using Dapper;

namespace ECampus.Plugins.Quizzes.Tutoring;

/// <summary>A tutor's grade as stored in <c>quizzes_manual_grade</c>.</summary>
public sealed class ManualGradeRow
{
    public long Id { get; init; }
    public string QuestionId { get; init; } = "";
    public double Points { get; init; }
    public string? Feedback { get; init; }
    public long GradedBy { get; init; }
    public DateTimeOffset GradedAt { get; init; }

    public decimal PointsValue => Math.Round((decimal)Points, Grading.Grader.ScoreDecimals);
}

/// <summary>Reads tutors' grades: every grading is kept, and the latest per question is the one that counts.</summary>
public static class ManualGrades
{
    private const string Columns = "id AS Id, question_id AS QuestionId, points AS Points, feedback AS Feedback, graded_by AS GradedBy, graded_at AS GradedAt";

    public static async Task<IReadOnlyList<ManualGradeRow>> HistoryAsync(DbConnection connection, DbTransaction? transaction, string attemptId) =>
        (await connection.QueryAsync<ManualGradeRow>(
            $"SELECT {Columns} FROM quizzes_manual_grade WHERE attempt_id = @attemptId ORDER BY id", new { attemptId }, transaction)).ToList();

    public static async Task<IReadOnlyDictionary<string, ManualGradeRow>> LatestAsync(DbConnection connection, DbTransaction? transaction, string attemptId) =>
        (await HistoryAsync(connection, transaction, attemptId))
            .GroupBy(g => g.QuestionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
}
