using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>
/// Grades an open attempt with the answers it saved and closes it, inside the caller's write. The update only takes an
/// attempt that is still open, and writes are serialised, so an attempt is graded exactly once whoever closes it
/// (a submit, a second tab, a late save, the sweep). When the attempt completes the activity, the engine's
/// <see cref="ActivityCompleted"/> is staged in the same write, so a crash before it is published cannot lose it.
/// </summary>
public static class AttemptClosing
{
    /// <summary>The result (and the staged completion, if any), or null when the attempt was no longer open.</summary>
    public static async Task<ClosedAttempt?> CloseAsync(
        DbConnection connection, DbTransaction transaction, QuizSnapshots snapshots, IEngineEvents events, AttemptRow attempt, string status, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var quiz = await AttemptRow.QuizAsync(connection, transaction, snapshots, attempt.SnapshotId);
        var answers = await AttemptRow.AnswersAsync(connection, transaction, attempt.Id);
        var result = Grader.Grade(quiz, answers);
        var changed = await connection.ExecuteAsync(
            """
            UPDATE quizzes_attempt
            SET status = @status, submitted_at = @now, score = @score, max_points = @maxPoints, percent = @percent,
                passed = @passed, pending = @pending, result_json = @resultJson
            WHERE id = @id AND status = 'open'
            """,
            new
            {
                status, now, id = attempt.Id, score = (double)result.Score, maxPoints = (double)result.MaxPoints, percent = (double)result.Percent,
                passed = result.Passed, pending = result.Pending, resultJson = JsonSerializer.Serialize(result, AttemptJson.Options),
            },
            transaction);
        if (changed == 0)
        {
            return null;
        }

        if (quiz.Settings.Kind == QuizKind.Survey)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO quizzes_survey_response (id, course_id, quiz_id, cohort_id, submitted_on, answers_json)
                VALUES (@id, @courseId, @quizId, @cohortId, @day, @answersJson)
                """,
                SurveyResponse(attempt, now, JsonSerializer.Serialize(answers, AttemptJson.Options)),
                transaction);
            if (quiz.Settings.Anonymous)
            {
                await connection.ExecuteAsync("DELETE FROM quizzes_answer WHERE attempt_id = @id", new { id = attempt.Id }, transaction);
            }
        }

        return new ClosedAttempt(result, Completes(attempt.QuizKind, result)
            ? await StageCompletionAsync(connection, transaction, events, attempt, now, cancellationToken)
            : null);
    }

    private static DynamicParameters SurveyResponse(AttemptRow attempt, DateTimeOffset now, string answersJson)
    {
        var parameters = new DynamicParameters();
        parameters.Add("id", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        parameters.Add("courseId", attempt.CourseId);
        parameters.Add("quizId", attempt.QuizId);
        parameters.Add("cohortId", attempt.CohortId);
        parameters.Add("day", now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        parameters.Add("answersJson", answersJson);
        return parameters;
    }

    /// <summary>Whether a graded attempt completes the activity: pre-tests and surveys when submitted, others when passed (or with no pass mark, when graded).</summary>
    public static bool Completes(QuizKind kind, QuizResult result) => kind switch
    {
        QuizKind.Pre or QuizKind.Survey => true,
        _ => result.PassMark is null ? !result.Pending : result.Passed == true,
    };

    /// <summary>Stages the engine's <see cref="ActivityCompleted"/> for the attempt inside the caller's write.</summary>
    public static Task<StagedEvent> StageCompletionAsync(
        DbConnection connection, DbTransaction transaction, IEngineEvents events, AttemptRow attempt, DateTimeOffset now, CancellationToken cancellationToken) =>
        events.StageAsync(connection, transaction,
            new ActivityCompleted(attempt.AccountId, attempt.CourseId, QuizzesPlugin.ActivityTypeName, attempt.QuizId, now), cancellationToken);

    /// <summary>Publishes the completion staged by <see cref="CloseAsync"/>, once its write has committed.</summary>
    public static async Task ReportAsync(IEngineEvents events, ClosedAttempt? closed, CancellationToken cancellationToken)
    {
        if (closed?.Completion is { } completion)
        {
            await events.PublishAsync(completion, cancellationToken);
        }
    }
}

/// <summary>An attempt just graded and closed, and the activity completion staged with it when it completes the activity.</summary>
public sealed record ClosedAttempt(QuizResult Result, StagedEvent? Completion);
