using System.Globalization;
using System.Text.Json;
using Dapper;
using ECampus.Plugins.Quizzes.Attempts;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Tutoring;

/// <summary>A tutor's grade for one answer: points within the question's range, and feedback for the learner (plain text).</summary>
public sealed record GradeRequest(decimal? Points, string? Feedback);

/// <summary>
/// Grades an answer that needs a person (an essay) in a submitted attempt. In one write: the grade is added to the
/// history, the attempt's result, score, pass/fail and "waiting for a tutor" are recomputed with it, and whether the
/// attempt now completes the activity is recorded. Grading again adds a grade and the latest counts. The activity is
/// reported complete after the commit, and only by the first grading that makes the attempt complete it.
/// </summary>
public sealed class GradeAnswer(QuizLookup lookup, IDatabase database, QuizSnapshots snapshots, ICourseDirectory courses, TimeProvider time, IEngineEvents events)
{
    public const int MaxFeedbackLength = 10_000;

    public async Task HandleAsync(string courseId, string quizId, string attemptId, string questionId, GradeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = await TutorScope.OfAsync(lookup, courses, courseId, cancellationToken);
        var feedback = string.IsNullOrWhiteSpace(request.Feedback) ? null : request.Feedback.Trim();
        if (feedback is { Length: > MaxFeedbackLength })
        {
            throw InvalidInputException.For("feedback", $"Feedback may have at most {MaxFeedbackLength:N0} characters.");
        }

        var now = SiteClock.Now(time);
        var completion = await database.WriteAsync(async (connection, transaction) =>
        {
            var (attempt, quiz) = await GetAttemptForGrading.FindAsync(connection, transaction, snapshots, scope, courseId, quizId, attemptId);
            var question = quiz.Find(questionId) ?? throw new NotFoundException($"This attempt has no question '{questionId}'.");
            if (question.Grading != QuestionGrading.Manual)
            {
                throw new ConflictException("This question is graded automatically; only answers that need a person (essays) are graded by a tutor.");
            }

            if (attempt.IsOpen || attempt.Result is not { } before)
            {
                throw new ConflictException("This attempt has not been submitted yet; grade it once the learner has submitted it or its time has run out.");
            }

            if (request.Points is not { } points || points < 0 || points > question.Points || decimal.Round(points, Grader.ScoreDecimals) != points)
            {
                throw InvalidInputException.For("points",
                    $"Give between 0 and {question.Points.ToString("0.####", CultureInfo.InvariantCulture)} points (at most {Grader.ScoreDecimals} decimals).");
            }

            var after = before.With(Grader.GradeManually(question, points));
            var completes = AttemptClosing.Completes(attempt.QuizKind, after);
            var completedBefore = AttemptClosing.Completes(attempt.QuizKind, before) || await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM quizzes_manual_grade WHERE attempt_id = @attemptId AND completes = 1", new { attemptId }, transaction) > 0;
            await connection.ExecuteAsync(
                """
                UPDATE quizzes_attempt
                SET score = @score, max_points = @maxPoints, percent = @percent, passed = @passed, pending = @pending, result_json = @resultJson
                WHERE id = @attemptId
                """,
                new
                {
                    attemptId, score = (double)after.Score, maxPoints = (double)after.MaxPoints, percent = (double)after.Percent, passed = after.Passed,
                    pending = after.Pending, resultJson = JsonSerializer.Serialize(after, AttemptJson.Options),
                },
                transaction);
            await connection.ExecuteAsync(
                """
                INSERT INTO quizzes_manual_grade (attempt_id, question_id, account_id, points, feedback, graded_by, graded_at, completes)
                VALUES (@attemptId, @questionId, @accountId, @points, @feedback, @gradedBy, @now, @completes)
                """,
                new { attemptId, questionId, accountId = attempt.AccountId, points = (double)points, feedback, gradedBy = scope.AccountId, now, completes },
                transaction);
            return completes && !completedBefore
                ? await AttemptClosing.StageCompletionAsync(connection, transaction, events, attempt, now, cancellationToken)
                : null;
        }, cancellationToken);

        if (completion is not null)
        {
            await events.PublishAsync(completion, cancellationToken);
        }
    }
}
