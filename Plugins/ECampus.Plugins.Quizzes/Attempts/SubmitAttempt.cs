using ECampus.Plugins.Quizzes.Grading;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>
/// Submits an attempt: grades the saved answers and closes it, exactly once. A second submit (a double click, another
/// tab) finds it closed and answers with the same result, marked as already submitted.
/// </summary>
public sealed class SubmitAttempt(QuizLookup lookup, IDatabase database, QuizSnapshots snapshots, TimeProvider time, QuizzesOptions options, IEngineEvents events, AttemptViews views)
{
    public async Task<AttemptView> HandleAsync(string courseId, string quizId, string attemptId, CancellationToken cancellationToken)
    {
        var accountId = lookup.AccountId;
        var now = SiteClock.Now(time);
        var closed = await database.WriteAsync(async (connection, transaction) =>
        {
            var attempt = await AttemptRow.FindAsync(connection, transaction, attemptId, courseId, quizId, accountId)
                ?? throw new NotFoundException("There is no such attempt.");
            if (!attempt.IsOpen)
            {
                return null;
            }

            var status = attempt.IsPastDeadline(now, options.Grace) ? AttemptRow.Expired : AttemptRow.Submitted;
            return await AttemptClosing.CloseAsync(connection, transaction, snapshots, events, attempt, status, now, cancellationToken);
        }, cancellationToken);
        await AttemptClosing.ReportAsync(events, closed, cancellationToken);

        var view = await views.ReadAsync(courseId, quizId, attemptId, cancellationToken);
        return view with { AlreadySubmitted = closed is null };
    }
}
