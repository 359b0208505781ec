using Dapper;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>
/// Saves the learner's answer to one question of their open attempt, replacing the one saved before (saving the same
/// answer twice leaves one answer). A blank answer clears the question. After the deadline and its grace the answer is
/// refused, and the attempt is closed and graded with what was saved in time.
/// </summary>
public sealed class SaveAnswer(QuizLookup lookup, IDatabase database, QuizSnapshots snapshots, TimeProvider time, QuizzesOptions options, IEngineEvents events)
{
    public async Task HandleAsync(string courseId, string quizId, string attemptId, string questionId, Answer answer, CancellationToken cancellationToken)
    {
        var accountId = lookup.AccountId;
        var attempt = await database.ReadAsync(connection => AttemptRow.FindAsync(connection, null, attemptId, courseId, quizId, accountId), cancellationToken)
            ?? throw new NotFoundException("There is no such attempt.");
        var quiz = await database.ReadAsync(connection => AttemptRow.QuizAsync(connection, null, snapshots, attempt.SnapshotId), cancellationToken);
        var question = quiz.Find(questionId) ?? throw new NotFoundException($"This attempt has no question '{questionId}'.");
        var problems = AnswerValidation.Check(question, answer);
        if (problems.Count > 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { [questionId] = [.. problems] });
        }

        var now = SiteClock.Now(time);
        if (attempt.IsOpen && attempt.IsPastDeadline(now, options.Grace))
        {
            await new CloseExpiredAttempts(database, snapshots, time, options, events).CloseAsync(attempt, cancellationToken);
            throw TooLate(attempt);
        }

        var json = QuizJson.Serialize(answer);
        var saved = await database.WriteAsync(async (connection, transaction) =>
        {
            if (await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM quizzes_attempt WHERE id = @attemptId AND status = 'open'", new { attemptId }, transaction) == 0)
            {
                return false;
            }

            await connection.ExecuteAsync(answer.IsEmpty
                ? "DELETE FROM quizzes_answer WHERE attempt_id = @attemptId AND question_id = @questionId"
                : """
                  INSERT INTO quizzes_answer (attempt_id, question_id, account_id, answer_json, saved_at) VALUES (@attemptId, @questionId, @accountId, @json, @now)
                  ON CONFLICT (attempt_id, question_id) DO UPDATE SET answer_json = excluded.answer_json, saved_at = excluded.saved_at
                  """, new { attemptId, questionId, accountId, json, now }, transaction);
            return true;
        }, cancellationToken);
        if (!saved)
        {
            throw new ConflictException("This attempt has been submitted; its answers can no longer change.");
        }
    }

    public static ConflictException TooLate(AttemptRow attempt) => new(
        $"Time is up: this attempt closed at {StartAttempt.Moment(attempt.DeadlineAt!.Value)}. The answers saved before then were submitted and graded.");
}
