using ECampus.Plugins.Quizzes.Attempts;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;
using ECampus.Plugins.Quizzes.Web;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Tutoring;

/// <summary>An attempt as a tutor grades it: the learner, each question with their answer, the automatic grading and the key, and the tutors' grades.</summary>
public sealed record GradingView(
    string Id, string CourseId, string QuizId, string Title, string Kind, long Number, string Status, long AccountId, string? LearnerName, long? CohortId,
    DateTimeOffset StartedAt, DateTimeOffset? SubmittedAt, decimal? Score, decimal? MaxPoints, decimal? Percent, bool? Passed, bool Pending,
    IReadOnlyList<GradingQuestion> Questions);

/// <summary>
/// One question of the attempt. <paramref name="Gradable"/>: a tutor may grade it (an essay of a submitted attempt);
/// <paramref name="NeedsGrading"/>: it waits for them. <paramref name="Grades"/> is every grade given, the latest (the one that counts) last.
/// </summary>
public sealed record GradingQuestion(
    QuestionView Question, Answer? Answer, QuestionReview? Result, bool Gradable, bool NeedsGrading, IReadOnlyList<GradeGiven> Grades);

/// <summary>A grade a tutor gave, who gave it and when.</summary>
public sealed record GradeGiven(decimal Points, string? Feedback, long GradedBy, string? GradedByName, DateTimeOffset GradedAt);

public sealed class GetAttemptForGrading(QuizLookup lookup, IDatabase database, QuizSnapshots snapshots, ICourseDirectory courses, QuizMarkdown markdown)
{
    public async Task<GradingView> HandleAsync(string courseId, string quizId, string attemptId, CancellationToken cancellationToken)
    {
        var scope = await TutorScope.OfAsync(lookup, courses, courseId, cancellationToken);
        var (attempt, quiz, answers, history) = await database.ReadAsync(async connection =>
        {
            var attempt = await FindAsync(connection, null, snapshots, scope, courseId, quizId, attemptId);
            return (attempt.Row, attempt.Quiz, await AttemptRow.AnswersAsync(connection, null, attemptId), await ManualGrades.HistoryAsync(connection, null, attemptId));
        }, cancellationToken);

        var names = await courses.DisplayNamesAsync(history.Select(g => g.GradedBy).Append(attempt.AccountId).Distinct().ToArray(), cancellationToken);
        var source = markdown.SourceFile(courseId, quiz);
        var views = markdown.Views(courseId, source, attempt.Order.Views(quiz));
        var results = attempt.Result?.Questions.ToDictionary(r => r.QuestionId, StringComparer.Ordinal);
        var questions = views.Select(view =>
        {
            var question = quiz.Find(view.Id)!;
            var result = results?.GetValueOrDefault(view.Id);
            var review = result is null ? null : AttemptViews.ReviewOf(question, result) with
            {
                FeedbackHtml = markdown.Feedback(courseId, source, result.Feedback, question.Format),
            };
            var gradable = !attempt.IsOpen && question.Grading == QuestionGrading.Manual;
            return new GradingQuestion(view, answers.GetValueOrDefault(view.Id), review, gradable, result?.Outcome == Outcome.Ungraded,
                history.Where(g => g.QuestionId == view.Id)
                    .Select(g => new GradeGiven(g.PointsValue, g.Feedback, g.GradedBy, names.GetValueOrDefault(g.GradedBy), g.GradedAt)).ToArray());
        }).ToArray();
        var total = attempt.Result;
        return new GradingView(
            attempt.Id, courseId, quizId, quiz.Title, attempt.Kind, attempt.Number, attempt.Status, attempt.AccountId, names.GetValueOrDefault(attempt.AccountId),
            attempt.CohortId, attempt.StartedAt, attempt.SubmittedAt, total?.Score, total?.MaxPoints, total?.Percent, total?.Passed, total?.Pending ?? false, questions);
    }

    /// <summary>
    /// The attempt, when it is of this course and quiz, in a cohort the tutor teaches, and not an anonymous survey's;
    /// anything else is "not found", so a forged id learns nothing.
    /// </summary>
    public static async Task<(AttemptRow Row, Quiz Quiz)> FindAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, QuizSnapshots snapshots, TutorScope scope,
        string courseId, string quizId, string attemptId)
    {
        var attempt = await Dapper.SqlMapper.QuerySingleOrDefaultAsync<AttemptRow>(connection,
            $"SELECT {AttemptRow.Columns} FROM quizzes_attempt WHERE id = @attemptId AND course_id = @courseId AND quiz_id = @quizId",
            new { attemptId, courseId, quizId }, transaction);
        if (attempt is null || !scope.Covers(attempt.CohortId))
        {
            throw new NotFoundException("There is no such attempt in your cohorts.");
        }

        var quiz = await AttemptRow.QuizAsync(connection, transaction, snapshots, attempt.SnapshotId);
        if (quiz.Settings is { Kind: QuizKind.Survey, Anonymous: true })
        {
            throw new NotFoundException("There is no such attempt in your cohorts.");
        }

        return (attempt, quiz);
    }
}
