using System.Text.Json;
using ECampus.Plugins.Quizzes.Attempts;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Gain;
using ECampus.Plugins.Quizzes.Grading;
using ECampus.Plugins.Quizzes.Surveys;
using ECampus.Plugins.Quizzes.Tutoring;
using ECampus.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ECampus.Plugins.Quizzes.Web;

/// <summary>
/// The quiz API under <c>/api/v1/courses/{courseId}</c>: attempts (start or resume, save answers, submit, read) and the
/// pre/post knowledge gain. Questions never carry their key; reviews show what the quiz's policy allows now.
/// </summary>
public static class QuizzesApi
{
    private const string Attempt = "/api/v1/courses/{courseId}/quizzes/{quizId}/attempts/{attemptId}";

    public static void MapQuizzesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/courses/{courseId}").WithTags("Quizzes");

        api.MapGet("/quizzes/{quizId}", async (string courseId, string quizId, GetQuizStatus status, CancellationToken cancellationToken) =>
            Json(await status.HandleAsync(courseId, quizId, cancellationToken)))
            .Produces<QuizStatus>()
            .WithSummary("A quiz as the calling learner meets it: dates, time limit, attempts used and left, the open attempt, and why a new one cannot start.");

        api.MapPost("/quizzes/{quizId}/attempts", async (string courseId, string quizId, StartAttempt start, AttemptViews views, CancellationToken cancellationToken) =>
        {
            var (attempt, resumed) = await start.HandleAsync(courseId, quizId, cancellationToken);
            var view = await views.ReadAsync(courseId, quizId, attempt.Id, cancellationToken);
            return Json(view, resumed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
        })
            .Produces<AttemptView>(StatusCodes.Status201Created).Produces<AttemptView>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start an attempt (201), or resume the open one (200). The questions come without their key; 409 says why no attempt can start.");

        api.MapGet("/quizzes/{quizId}/attempts/{attemptId}", async (string courseId, string quizId, string attemptId, AttemptViews views, CancellationToken cancellationToken) =>
            Json(await views.ReadAsync(courseId, quizId, attemptId, cancellationToken)))
            .Produces<AttemptView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One of the caller's attempts: questions, saved answers, and the review its policy allows now. An attempt past its deadline is closed and graded first.");

        api.MapPut("/quizzes/{quizId}/attempts/{attemptId}/answers/{questionId}",
            async (string courseId, string quizId, string attemptId, string questionId, HttpRequest request, SaveAnswer save, CancellationToken cancellationToken) =>
            {
                await save.HandleAsync(courseId, quizId, attemptId, questionId, await ReadAnswerAsync(request, cancellationToken), cancellationToken);
                return Results.NoContent();
            })
            .Accepts<Answer>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Save the answer to one question (idempotent). Body: {\"type\":\"choice\",\"optionIds\":[...]}, {\"type\":\"text\",\"text\":...}, {\"type\":\"number\",\"value\":...}, {\"type\":\"matching\",\"matches\":{...}}, {\"type\":\"ordering\",\"itemIds\":[...]} or {\"type\":\"scale\",\"value\":...}. 409 after the deadline or once submitted.");

        api.MapPost("/quizzes/{quizId}/attempts/{attemptId}/submit", async (string courseId, string quizId, string attemptId, SubmitAttempt submit, CancellationToken cancellationToken) =>
            Json(await submit.HandleAsync(courseId, quizId, attemptId, cancellationToken)))
            .Produces<AttemptView>()
            .WithSummary("Submit: grade the saved answers once. A repeated submit answers with the same result and alreadySubmitted = true.");

        api.MapGet("/quizzes/{quizId}/attempts", async (string courseId, string quizId, ListQuizAttempts list, CancellationToken cancellationToken) =>
            Json(await list.HandleAsync(courseId, quizId, cancellationToken)))
            .Produces<QuizAttempts>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Tutors: the quiz's attempts in their cohorts (administrators: all), with learner name, state, score, submission time and whether an answer waits for grading. An anonymous survey lists none.");

        api.MapGet("/quizzes/{quizId}/attempts/{attemptId}/grades", async (string courseId, string quizId, string attemptId, GetAttemptForGrading grading, CancellationToken cancellationToken) =>
            Json(await grading.HandleAsync(courseId, quizId, attemptId, cancellationToken)))
            .Produces<GradingView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Tutors: one attempt of their cohorts with the learner's answers, the automatic grading, the key and every grade tutors gave.");

        api.MapPut("/quizzes/{quizId}/attempts/{attemptId}/grades/{questionId}",
            async (string courseId, string quizId, string attemptId, string questionId, GradeRequest grade, GradeAnswer grader, GetAttemptForGrading grading, CancellationToken cancellationToken) =>
            {
                await grader.HandleAsync(courseId, quizId, attemptId, questionId, grade, cancellationToken);
                return Json(await grading.HandleAsync(courseId, quizId, attemptId, cancellationToken));
            })
            .Accepts<GradeRequest>("application/json").Produces<GradingView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Tutors: grade an answer that needs a person (an essay) of a submitted attempt. Body: {\"points\": 3, \"feedback\": \"...\"}; points from 0 to the question's points. Grading again replaces the grade that counts; every grade is kept with who gave it and when.");

        api.MapGet("/assessment-gain", async (string courseId, long? cohortId, GetAssessmentGain gain, CancellationToken cancellationToken) =>
            Json(await gain.HandleAsync(courseId, cohortId, cancellationToken)))
            .Produces<GainReport>()
            .WithSummary("Knowledge gain between the pre- and post-course assessments: tutors see their cohorts (administrators all), learners their own.");

        api.MapGet("/quizzes/{quizId}/survey-results", async (string courseId, string quizId, long? cohortId, GetSurveyResults results, CancellationToken cancellationToken) =>
            Json(await results.HandleAsync(courseId, quizId, cohortId, cancellationToken)))
            .Produces<SurveyResults>()
            .WithSummary("A survey's answers aggregated (counts per scale point and option, free-text answers), for the course's tutors, authors and administrators.");
    }

    public static IResult Json<T>(T value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, AttemptJson.Options, "application/json", statusCode);

    private static async Task<Answer> ReadAnswerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new StreamReader(request.Body);
            return QuizJson.DeserializeAnswer(await reader.ReadToEndAsync(cancellationToken));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw InvalidInputException.For("answer",
                "Send the answer as JSON with its type first, e.g. {\"type\":\"choice\",\"optionIds\":[\"a\"]} or {\"type\":\"text\",\"text\":\"Geneva\"}.");
        }
    }
}
