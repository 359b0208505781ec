using Dapper;
using ECampus.Plugins.Quizzes.Attempts;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Tutoring;

/// <summary>A quiz's attempts in the cohorts the caller teaches. An anonymous survey lists none: its answers lead back to nobody.</summary>
public sealed record QuizAttempts(string CourseId, string QuizId, string Title, string Kind, bool Anonymous, IReadOnlyList<LearnerAttempt> Attempts);

/// <summary>One learner's attempt as a tutor's list shows it; <paramref name="NeedsGrading"/> when an answer waits for a person.</summary>
public sealed record LearnerAttempt(
    string Id, long AccountId, string? LearnerName, long? CohortId, long Number, string Status, DateTimeOffset StartedAt, DateTimeOffset? SubmittedAt,
    decimal? Score, decimal? MaxPoints, decimal? Percent, bool? Passed, bool NeedsGrading);

public sealed class ListQuizAttempts(QuizLookup lookup, IDatabase database, ICourseDirectory courses)
{
    public async Task<QuizAttempts> HandleAsync(string courseId, string quizId, CancellationToken cancellationToken)
    {
        var scope = await TutorScope.OfAsync(lookup, courses, courseId, cancellationToken);
        var quiz = lookup.Quiz(scope.Course, quizId, null);
        var kind = quiz.Settings.Kind.ToString().ToLowerInvariant();
        if (quiz.Settings is { Kind: QuizKind.Survey, Anonymous: true })
        {
            return new QuizAttempts(courseId, quizId, quiz.Title, kind, true, []);
        }

        var rows = (await database.ReadAsync(async connection => await connection.QueryAsync<Row>(
            """
            SELECT id AS Id, account_id AS AccountId, cohort_id AS CohortId, number AS Number, status AS Status, started_at AS StartedAt,
                   submitted_at AS SubmittedAt, score AS Score, max_points AS MaxPoints, percent AS Percent, passed AS Passed, pending AS Pending
            FROM quizzes_attempt
            WHERE course_id = @courseId AND quiz_id = @quizId
            ORDER BY started_at, id
            """, new { courseId, quizId }), cancellationToken))
            .Where(r => scope.Covers(r.CohortId))
            .ToList();
        var names = await courses.DisplayNamesAsync(rows.Select(r => r.AccountId).Distinct().ToArray(), cancellationToken);
        return new QuizAttempts(courseId, quizId, quiz.Title, kind, false, rows.Select(r => new LearnerAttempt(
            r.Id, r.AccountId, names.GetValueOrDefault(r.AccountId), r.CohortId, r.Number, r.Status, r.StartedAt, r.SubmittedAt,
            Exact(r.Score), Exact(r.MaxPoints), Exact(r.Percent), r.Passed is { } passed ? passed != 0 : null, r.Pending == 1)).ToList());
    }

    private static decimal? Exact(double? value) => value is { } v ? Math.Round((decimal)v, Grading.Grader.ScoreDecimals) : null;

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public long AccountId { get; init; }
        public long? CohortId { get; init; }
        public long Number { get; init; }
        public string Status { get; init; } = "";
        public DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
        public double? Score { get; init; }
        public double? MaxPoints { get; init; }
        public double? Percent { get; init; }
        public long? Passed { get; init; }
        public long? Pending { get; init; }
    }
}
