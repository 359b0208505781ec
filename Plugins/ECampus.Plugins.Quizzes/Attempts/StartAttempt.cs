using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>
/// Starts an attempt, or resumes the learner's open one. The quiz (questions, key, settings) and the attempt's question
/// order are stored with the attempt, so later pack edits change neither what it shows nor how it is graded. The
/// attempts limit is counted inside the write, and writes are serialised, so racing starts cannot exceed it.
/// </summary>
public sealed class StartAttempt(
    QuizLookup lookup, IDatabase database, QuizSnapshots snapshots, TimeProvider time, QuizzesOptions options, IEngineEvents events)
{
    public async Task<(AttemptRow Attempt, bool Resumed)> HandleAsync(string courseId, string quizId, CancellationToken cancellationToken)
    {
        var target = await lookup.ForLearnerAsync(courseId, quizId, cancellationToken);
        var now = SiteClock.Now(time);
        if (target.Opens is { } opens && now < opens)
        {
            throw new ConflictException($"This quiz opens on {Moment(opens)}.");
        }

        if (target.Kind == QuizKind.Post && !target.ModulesDoneBeforeThis)
        {
            throw new ConflictException("The post-course assessment opens once you have completed every module.");
        }

        var (snapshotId, snapshotJson) = snapshots.Of(target.Quiz);
        var order = JsonSerializer.Serialize(AttemptOrder.Create(target.Quiz, RandomNumberGenerator.GetInt32(int.MaxValue)), AttemptJson.Options);
        var accountId = target.Learner.AccountId;
        var expired = new List<ClosedAttempt>();
        var outcome = await database.WriteAsync<(AttemptRow?, bool, string?)>(async (connection, transaction) =>
        {
            var attempts = (await connection.QueryAsync<AttemptRow>(
                $"SELECT {AttemptRow.Columns} FROM quizzes_attempt WHERE course_id = @courseId AND quiz_id = @quizId AND account_id = @accountId ORDER BY number",
                new { courseId, quizId, accountId }, transaction)).ToList();
            if (attempts.FirstOrDefault(a => a.IsOpen) is { } open)
            {
                if (!open.IsPastDeadline(now, options.Grace))
                {
                    return (open, true, (string?)null);
                }

                if (await AttemptClosing.CloseAsync(connection, transaction, snapshots, events, open, AttemptRow.Expired, now, cancellationToken) is { } closed)
                {
                    expired.Add(closed);
                }
            }

            if (target.Closes is { } closes && now >= closes)
            {
                return (null, false, $"This quiz closed on {Moment(closes)}.");
            }

            if (target.Quiz.Settings.Attempts is { } allowed && attempts.Count >= allowed)
            {
                return (null, false, allowed == 1 ? "You have already taken this quiz." : $"You have used all {allowed} attempts at this quiz.");
            }

            if (target.Kind == QuizKind.Pre && target.Course.PostAssessment is { } post && await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM quizzes_attempt WHERE course_id = @courseId AND quiz_id = @post AND account_id = @accountId",
                new { courseId, post, accountId }, transaction) > 0)
            {
                return (null, false, "The pre-course assessment closed when you started the post-course assessment.");
            }

            await connection.ExecuteAsync(
                "INSERT INTO quizzes_snapshot (id, quiz_json) VALUES (@snapshotId, @snapshotJson) ON CONFLICT (id) DO NOTHING",
                new { snapshotId, snapshotJson }, transaction);
            DateTimeOffset? deadline = target.Quiz.Settings.TimeLimit is { } limit ? now + limit : null;
            if (target.Closes is { } closesAt && (deadline is null || closesAt < deadline))
            {
                deadline = closesAt;
            }

            var attempt = new AttemptRow
            {
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                CourseId = courseId, QuizId = quizId, AccountId = accountId, CohortId = target.Learner.CohortId, Number = attempts.Count + 1,
                Kind = target.Kind.ToString().ToLowerInvariant(), SnapshotId = snapshotId, OrderJson = order, StartedAt = now,
                DeadlineAt = deadline, ClosesAt = target.Closes, Status = AttemptRow.Open,
            };
            await connection.ExecuteAsync(
                """
                INSERT INTO quizzes_attempt (id, course_id, quiz_id, account_id, cohort_id, number, kind, snapshot_id, order_json, started_at, deadline_at, closes_at, status)
                VALUES (@Id, @CourseId, @QuizId, @AccountId, @CohortId, @Number, @Kind, @SnapshotId, @OrderJson, @StartedAt, @DeadlineAt, @ClosesAt, @Status)
                """,
                attempt, transaction);
            return (attempt, false, null);
        }, cancellationToken);

        foreach (var closed in expired)
        {
            await AttemptClosing.ReportAsync(events, closed, cancellationToken);
        }

        return outcome is { Item1: { } started } ? (started, outcome.Item2) : throw new ConflictException(outcome.Item3!);
    }

    public static string Moment(DateTimeOffset moment) => moment.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
