using System.Globalization;
using System.Text;
using ECampus.Plugins.Quizzes.Attempts;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;
using ECampus.Plugins.Quizzes.Tutoring;
using ECampus.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static ECampus.Plugins.Quizzes.Web.Html;

namespace ECampus.Plugins.Quizzes.Web;

/// <summary>
/// The tutor's pages for a quiz, without JavaScript: the attempts of their cohorts, one attempt with the learner's
/// answers and the automatic grading, and a form per essay to grade it (antiforgery checked).
/// </summary>
public static class TutorPages
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void MapTutorPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/quizzes/{quizId}/grading", ListAsync);
        pages.MapGet("/quizzes/{quizId}/grading/{attemptId}", AttemptAsync);
        pages.MapPost("/quizzes/{quizId}/grading/{attemptId}/{questionId}", GradeAsync);
    }

    public static string GradingPath(string courseId, string quizId) => $"{QuizPaths.Quiz(courseId, quizId)}/grading";

    public static string GradingPath(string courseId, string quizId, string attemptId) => $"{GradingPath(courseId, quizId)}/{Uri.EscapeDataString(attemptId)}";

    private static async Task<IResult> ListAsync(string courseId, string quizId, HttpContext context, ListQuizAttempts list, ISitePages pages)
    {
        QuizAttempts quiz;
        try
        {
            quiz = await list.HandleAsync(courseId, quizId, context.RequestAborted);
        }
        catch (AccessDeniedException denied)
        {
            return pages.Page("Attempts", $"<h1>Attempts</h1><p class=\"notice\">{E(denied.Message)}</p>", StatusCodes.Status403Forbidden);
        }

        var body = new StringBuilder();
        body.Append(Inv, $"<p><a href=\"{QuizPaths.Quiz(courseId, quizId)}\">Back to the quiz</a></p><h1>{E(quiz.Title)}: attempts</h1>");
        if (quiz.Anonymous)
        {
            body.Append(Inv, $"<p class=\"notice\">This survey is anonymous: its answers are not listed by person. See the <a href=\"{QuizPaths.Quiz(courseId, quizId)}/results\">results</a>.</p>");
            return pages.Page("Attempts", body.ToString());
        }

        var waiting = quiz.Attempts.Count(a => a.NeedsGrading);
        body.Append(Inv, $"<p>{quiz.Attempts.Count} {(quiz.Attempts.Count == 1 ? "attempt" : "attempts")} in your cohorts{(waiting > 0 ? $", {waiting} waiting for grading" : "")}.</p>");
        if (quiz.Attempts.Count == 0)
        {
            return pages.Page("Attempts", body.ToString());
        }

        body.Append("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Learner</th><th scope=\"col\">Attempt</th><th scope=\"col\">Status</th><th scope=\"col\">Score</th><th scope=\"col\">Submitted</th><th scope=\"col\">Grading</th></tr></thead><tbody>");
        foreach (var attempt in quiz.Attempts)
        {
            var score = attempt.Percent is { } percent ? $"{Number(attempt.Score)} of {Number(attempt.MaxPoints)} ({Number(percent, " %")}){Passed(attempt.Passed)}" : "–";
            body.Append(Inv,
                $"<tr><td>{E(attempt.LearnerName ?? $"Learner {attempt.AccountId}")}</td><td><a href=\"{GradingPath(courseId, quizId, attempt.Id)}\">Attempt {attempt.Number}</a></td>" +
                $"<td>{E(StatusText(attempt.Status))}</td><td>{E(score)}</td><td>{(attempt.SubmittedAt is { } at ? Time(at) : "–")}</td>" +
                $"<td>{(attempt.NeedsGrading ? "<strong>Needs grading</strong>" : "–")}</td></tr>");
        }

        body.Append("</tbody></table></div>");
        return pages.Page("Attempts", body.ToString());
    }

    private static async Task<IResult> AttemptAsync(string courseId, string quizId, string attemptId, HttpContext context, GetAttemptForGrading grading, ISitePages pages, string? notice) =>
        await RenderAsync(courseId, quizId, attemptId, context, grading, pages, notice, null, StatusCodes.Status200OK);

    private static async Task<IResult> GradeAsync(
        string courseId, string quizId, string attemptId, string questionId, HttpContext context, GradeAnswer grade, GetAttemptForGrading grading, ISitePages pages)
    {
        if (!await pages.IsFormValidAsync(context))
        {
            return pages.Page("Form expired", "<h1>Form expired</h1><p>Reload the page and grade again.</p>", StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var pointsText = form["points"].ToString().Trim().Replace(',', '.');
        decimal? points = decimal.TryParse(pointsText, NumberStyles.AllowDecimalPoint, Inv, out var parsed) ? parsed : null;
        try
        {
            await grade.HandleAsync(courseId, quizId, attemptId, questionId, new GradeRequest(points, form["feedback"].ToString()), context.RequestAborted);
        }
        catch (InvalidInputException invalid)
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal) { [questionId] = string.Join(" ", invalid.Errors.SelectMany(e => e.Value)) };
            return await RenderAsync(courseId, quizId, attemptId, context, grading, pages, "The grade was not saved; see the message below.", errors, StatusCodes.Status400BadRequest);
        }
        catch (ConflictException conflict)
        {
            return Results.Redirect($"{GradingPath(courseId, quizId, attemptId)}?notice={Uri.EscapeDataString(conflict.Message)}");
        }

        return Results.Redirect($"{GradingPath(courseId, quizId, attemptId)}?notice={Uri.EscapeDataString("The grade is saved.")}#grade-{Id(questionId)}");
    }

    private static async Task<IResult> RenderAsync(
        string courseId, string quizId, string attemptId, HttpContext context, GetAttemptForGrading grading, ISitePages pages, string? notice,
        IReadOnlyDictionary<string, string>? errors, int statusCode)
    {
        var attempt = await grading.HandleAsync(courseId, quizId, attemptId, context.RequestAborted);
        var learner = attempt.LearnerName ?? $"Learner {attempt.AccountId}";
        var body = new StringBuilder();
        body.Append(Inv, $"<p><a href=\"{GradingPath(courseId, quizId)}\">All attempts</a></p><h1>{E(attempt.Title)}: {E(learner)}</h1>");
        if (notice is { Length: > 0 })
        {
            var ok = notice == "The grade is saved.";
            body.Append(Inv, $"<p class=\"notice{(ok ? " ok" : " error")}\" role=\"{(ok ? "status" : "alert")}\">{E(notice)}</p>");
        }

        body.Append(Inv, $"<p>Attempt {attempt.Number}, started {Time(attempt.StartedAt)}. {E(StatusText(attempt.Status))}{(attempt.SubmittedAt is { } at ? $" on {Time(at)}" : "")}.</p>");
        if (attempt.Percent is { } percent)
        {
            body.Append(Inv, $"<p class=\"notice\">Score: {Number(attempt.Score)} of {Number(attempt.MaxPoints)} points ({Number(percent, " %")}){E(Passed(attempt.Passed))}.</p>");
        }

        if (attempt.Pending)
        {
            body.Append("<p class=\"notice\">Some answers wait for a tutor's grade.</p>");
        }

        body.Append("<ol class=\"review\">");
        foreach (var question in attempt.Questions.Where(q => q.Question.Type != QuestionType.Description))
        {
            var view = question.Question;
            body.Append(Inv, $"<li id=\"grade-{Id(view.Id)}\">{view.Html}<p><strong>Answer</strong></p>{AnswerText(view, question.Answer)}");
            if (question.Result is { } result)
            {
                body.Append(Inv, $"<p><strong>{E(OutcomeText(result.Outcome))}</strong> ({Number(result.Score)} of {Number(result.MaxPoints)})</p>");
                var right = result.CorrectOptionIds?.Select(id => view.Options.FirstOrDefault(o => o.Id == id)?.Text ?? id) ?? result.AcceptedAnswers;
                if (right is not null && right.Any())
                {
                    body.Append(Inv, $"<p>Right answer: {E(string.Join("; ", right))}</p>");
                }
            }

            foreach (var given in question.Grades)
            {
                body.Append(Inv,
                    $"<p class=\"hint\">Graded {Number(given.Points)} by {E(given.GradedByName ?? $"account {given.GradedBy}")} on {Time(given.GradedAt)}{(given.Feedback is { } f ? $": {E(f)}" : "")}</p>");
            }

            if (question.Gradable)
            {
                var latest = question.Grades.LastOrDefault();
                var field = "points-" + Id(view.Id);
                body.Append(Inv, $"<form method=\"post\" action=\"{GradingPath(courseId, quizId, attempt.Id)}/{Uri.EscapeDataString(view.Id)}\">{pages.AntiforgeryField(context)}");
                if (errors?.GetValueOrDefault(view.Id) is { } error)
                {
                    body.Append(Inv, $"<p class=\"notice error\" role=\"alert\">{E(error)}</p>");
                }

                body.Append(Inv,
                    $"<p><label for=\"{field}\">Points (0 to {Number(view.Points)})</label> <input type=\"text\" inputmode=\"decimal\" id=\"{field}\" name=\"points\" value=\"{(latest is null ? "" : Number(latest.Points))}\" required></p>" +
                    $"<p><label for=\"feedback-{Id(view.Id)}\">Feedback to the learner (optional)</label><textarea id=\"feedback-{Id(view.Id)}\" name=\"feedback\" rows=\"3\">{E(latest?.Feedback)}</textarea></p>" +
                    $"<p><button type=\"submit\">{(latest is null ? "Save the grade" : "Change the grade")}</button></p></form>");
            }

            body.Append("</li>");
        }

        body.Append("</ol>");
        return pages.Page($"{attempt.Title}: {learner}", body.ToString(), statusCode);
    }

    private static string AnswerText(QuestionView question, Answer? answer)
    {
        string Option(string id) => question.Options.FirstOrDefault(o => o.Id == id)?.Text ?? id;
        string Prompt(string id) => question.Prompts.FirstOrDefault(o => o.Id == id)?.Text ?? id;
        var text = answer switch
        {
            null => null,
            TextAnswer { IsEmpty: false } written => written.Text,
            NumberAnswer number => number.Value.ToString(Inv),
            ChoiceAnswer { OptionIds.Count: > 0 } choice => string.Join("; ", choice.OptionIds.Select(Option)),
            ScaleAnswer scale => Option(scale.Value.ToString(Inv)),
            MatchingAnswer { Matches.Count: > 0 } matching => string.Join("; ", matching.Matches.Select(m => $"{Prompt(m.Key)} → {Option(m.Value)}")),
            OrderingAnswer { ItemIds.Count: > 0 } ordering => string.Join(" → ", ordering.ItemIds.Select(Option)),
            _ => null,
        };
        return text is null ? "<p><em>No answer</em></p>" : $"<blockquote class=\"answer\">{Text(text)}</blockquote>";
    }

    private static string Passed(bool? passed) => passed switch { true => ", passed", false => ", not passed", _ => "" };

    internal static string StatusText(string status) => status switch
    {
        AttemptRow.Open => "In progress",
        AttemptRow.Expired => "Closed when time ran out",
        _ => "Submitted",
    };

    internal static string OutcomeText(Outcome outcome) => outcome switch
    {
        Outcome.Correct => "Correct",
        Outcome.Partial => "Partly correct",
        Outcome.Ungraded => "Waiting for a tutor",
        Outcome.Recorded => "Recorded",
        _ => "Not correct",
    };
}
