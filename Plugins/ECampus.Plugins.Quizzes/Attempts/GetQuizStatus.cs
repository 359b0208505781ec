using Dapper;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>Where a learner stands with a quiz: its dates, attempts used and left, the open attempt, and why they cannot start one.</summary>
public sealed record QuizStatus(
    string CourseId, string QuizId, string Title, string Kind, string Introduction, int Questions, DateTimeOffset? Opens, DateTimeOffset? Closes,
    TimeSpan? TimeLimit, int? AttemptsAllowed, IReadOnlyList<AttemptSummary> Attempts, string? OpenAttemptId, string? CannotStart)
{
    public int? AttemptsLeft => AttemptsAllowed is { } allowed ? Math.Max(0, allowed - Attempts.Count) : null;
}

/// <summary>A past or open attempt in the list; the score only where the review policy shows it.</summary>
public sealed record AttemptSummary(string Id, long Number, string Status, DateTimeOffset StartedAt, DateTimeOffset? SubmittedAt, decimal? Percent, bool? Passed);

public sealed class GetQuizStatus(QuizLookup lookup, IDatabase database, TimeProvider time, QuizzesOptions options)
{
    public async Task<QuizStatus> HandleAsync(string courseId, string quizId, CancellationToken cancellationToken)
    {
        var target = await lookup.ForLearnerAsync(courseId, quizId, cancellationToken);
        var accountId = target.Learner.AccountId;
        var now = SiteClock.Now(time);
        var rows = await database.ReadAsync(async connection => (await connection.QueryAsync<AttemptRow>(
            $"SELECT {AttemptRow.Columns} FROM quizzes_attempt WHERE course_id = @courseId AND quiz_id = @quizId AND account_id = @accountId ORDER BY number",
            new { courseId, quizId, accountId })).ToList(), cancellationToken);
        var open = rows.FirstOrDefault(r => r.IsOpen && !r.IsPastDeadline(now, options.Grace));
        var settings = target.Quiz.Settings;
        var closedForLearner = (target.Closes is { } c && now >= c) || (settings.Attempts is { } n && rows.Count >= n && open is null);
        var showScore = ReviewPolicy.Allows(settings.Review.Score, closedForLearner);
        var summaries = rows.Select(r => new AttemptSummary(
            r.Id, r.Number, r.Status, r.StartedAt, r.SubmittedAt,
            showScore ? r.Result?.Percent : null, showScore ? r.Result?.Passed : null)).ToArray();
        var cannotStart = open is not null ? null
            : target.Opens is { } opens && now < opens ? $"This quiz opens on {StartAttempt.Moment(opens)}."
            : target.Closes is { } closes && now >= closes ? $"This quiz closed on {StartAttempt.Moment(closes)}."
            : settings.Attempts is { } allowed && rows.Count >= allowed ? (allowed == 1 ? "You have already taken this quiz." : $"You have used all {allowed} attempts at this quiz.")
            : target.Kind == QuizKind.Post && !target.ModulesDoneBeforeThis ? "The post-course assessment opens once you have completed every module."
            : null;
        return new QuizStatus(
            courseId, quizId, target.Quiz.Title, target.Kind.ToString().ToLowerInvariant(), target.Quiz.Introduction, target.Quiz.Questions.Count,
            target.Opens, target.Closes, settings.TimeLimit, settings.Attempts, summaries, open?.Id, cannotStart);
    }
}
