using Dapper;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;
using ECampus.Plugins.Quizzes.Tutoring;
using ECampus.Plugins.Quizzes.Web;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>An attempt as its learner sees it: the questions without their key, the saved answers, and the review the policy allows now.</summary>
public sealed record AttemptView(
    string Id, string CourseId, string QuizId, string Title, string Kind, long Number, string Status,
    DateTimeOffset StartedAt, DateTimeOffset? Deadline, DateTimeOffset? SubmittedAt,
    IReadOnlyList<QuestionView> Questions, IReadOnlyDictionary<string, Answer> Answers, AttemptReview? Review)
{
    /// <summary>True when a submit found the attempt already graded (another tab, a double click).</summary>
    public bool AlreadySubmitted { get; init; }
}

/// <summary>What the review policy shows of a graded attempt. Absent fields are not shown yet (or never).</summary>
public sealed record AttemptReview(
    decimal? Score, decimal? MaxPoints, decimal? Percent, bool? Passed, bool Pending, string? Message, IReadOnlyList<QuestionReview>? Questions);

/// <summary>One question's review: the outcome, the authors' feedback and the right answer.</summary>
public sealed record QuestionReview(
    string QuestionId, Outcome Outcome, decimal Score, decimal MaxPoints, IReadOnlyList<string> Feedback,
    IReadOnlyList<string>? CorrectOptionIds, IReadOnlyList<string>? AcceptedAnswers)
{
    /// <summary><see cref="Feedback"/> as sanitised HTML.</summary>
    public IReadOnlyList<string>? FeedbackHtml { get; init; }

    /// <summary>A tutor's grade of this answer (essays), with their feedback to the learner as plain text.</summary>
    public TutorGrade? TutorGrade { get; init; }
}

/// <summary>The grade a tutor gave an answer that needs a person: the latest, when it was graded more than once.</summary>
public sealed record TutorGrade(decimal Points, string? Feedback, DateTimeOffset GradedAt);

/// <summary>Reads an attempt for its learner, closing it first when its time ran out.</summary>
public sealed class AttemptViews(
    QuizLookup lookup, IDatabase database, QuizSnapshots snapshots, TimeProvider time, QuizzesOptions options, IEngineEvents events, QuizMarkdown markdown)
{
    public async Task<AttemptView> ReadAsync(string courseId, string quizId, string attemptId, CancellationToken cancellationToken)
    {
        var accountId = lookup.AccountId;
        var attempt = await FindAsync(attemptId, courseId, quizId, accountId, cancellationToken);
        if (attempt.IsOpen && attempt.IsPastDeadline(SiteClock.Now(time), options.Grace))
        {
            await new CloseExpiredAttempts(database, snapshots, time, options, events).CloseAsync(attempt, cancellationToken);
            attempt = await FindAsync(attemptId, courseId, quizId, accountId, cancellationToken);
        }

        return await database.ReadAsync(async connection =>
        {
            var quiz = await AttemptRow.QuizAsync(connection, null, snapshots, attempt.SnapshotId);
            var answers = await AttemptRow.AnswersAsync(connection, null, attempt.Id);
            var review = attempt.Result is { } result
                ? Review(quiz, result, await ClosedForLearnerAsync(connection, attempt, quiz))
                : null;
            if (review?.Questions is { } reviewed && quiz.Questions.Any(q => q.Grading == QuestionGrading.Manual))
            {
                var grades = await ManualGrades.LatestAsync(connection, null, attempt.Id);
                review = review with
                {
                    Questions = reviewed.Select(r => grades.TryGetValue(r.QuestionId, out var grade)
                        ? r with { TutorGrade = new TutorGrade(grade.PointsValue, grade.Feedback, grade.GradedAt) }
                        : r).ToArray(),
                };
            }

            return markdown.Rendered(new AttemptView(
                attempt.Id, attempt.CourseId, attempt.QuizId, quiz.Title, attempt.Kind, attempt.Number, attempt.Status, attempt.StartedAt,
                attempt.DeadlineAt, attempt.SubmittedAt, attempt.Order.Views(quiz), answers, review), quiz);
        }, cancellationToken);
    }

    private async Task<AttemptRow> FindAsync(string attemptId, string courseId, string quizId, long accountId, CancellationToken cancellationToken) =>
        await database.ReadAsync(connection => AttemptRow.FindAsync(connection, null, attemptId, courseId, quizId, accountId), cancellationToken)
        ?? throw new NotFoundException("There is no such attempt.");

    /// <summary>The quiz has closed for this learner: its close date passed, or they used their last attempt.</summary>
    private async Task<bool> ClosedForLearnerAsync(System.Data.Common.DbConnection connection, AttemptRow attempt, Quiz quiz)
    {
        if (attempt.ClosesAt is { } closes && SiteClock.Now(time) >= closes)
        {
            return true;
        }

        if (quiz.Settings.Attempts is not { } allowed)
        {
            return false;
        }

        var (taken, open) = await connection.QuerySingleAsync<(long Taken, long Open)>(
            "SELECT count(*), coalesce(sum(status = 'open'), 0) FROM quizzes_attempt WHERE course_id = @CourseId AND quiz_id = @QuizId AND account_id = @AccountId",
            attempt);
        return taken >= allowed && open == 0;
    }

    public static AttemptReview Review(Quiz quiz, QuizResult result, bool closedForLearner)
    {
        var policy = quiz.Settings.Review;
        var showScore = ReviewPolicy.Allows(policy.Score, closedForLearner);
        var showAnswers = ReviewPolicy.Allows(policy.CorrectAnswers, closedForLearner);
        var message = quiz.Settings.Kind == QuizKind.Survey ? "Thank you: your answers were recorded."
            : !showScore && policy.Score == ReviewTiming.AfterClose ? "Your score is shown once the quiz has closed."
            : !showScore ? "Your answers were recorded."
            : !showAnswers && policy.CorrectAnswers == ReviewTiming.AfterClose ? "The right answers are shown once the quiz has closed."
            : null;
        return new AttemptReview(
            showScore ? result.Score : null, showScore ? result.MaxPoints : null, showScore ? result.Percent : null, showScore ? result.Passed : null,
            result.Pending, message,
            showAnswers ? result.Questions.Select(r => ReviewOf(quiz.Find(r.QuestionId), r)).ToArray() : null);
    }

    /// <summary>A question's result with its right answers, as a review that shows answers gives it.</summary>
    public static QuestionReview ReviewOf(Question? question, QuestionResult result) => question switch
    {
        ChoiceQuestion choice => Reviewed(result, choice.Options.Where(o => o.IsCorrect).Select(o => o.Id).ToArray(), null),
        TrueFalseQuestion trueFalse => Reviewed(result, [trueFalse.Answer ? TrueFalseQuestion.TrueId : TrueFalseQuestion.FalseId], null),
        ShortAnswerQuestion shortAnswer => Reviewed(result, null, shortAnswer.Answers.Where(a => a.Weight >= 100).Select(a => a.Text).ToArray()),
        NumericQuestion numeric => Reviewed(result, null, numeric.Answers.Where(a => a.Weight >= 100)
            .Select(a => a.Min == a.Max ? Number(a.Min) : $"{Number(a.Min)} to {Number(a.Max)}").ToArray()),
        _ => Reviewed(result, null, null),
    };

    private static QuestionReview Reviewed(QuestionResult result, IReadOnlyList<string>? options, IReadOnlyList<string>? accepted) =>
        new(result.QuestionId, result.Outcome, result.Score, result.MaxPoints, result.Feedback, options, accepted);

    private static string Number(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
