using System.Text;
using ECampus.Plugins.Quizzes.Attempts;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;
using ECampus.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static ECampus.Plugins.Quizzes.Web.Html;
using Inv = System.Globalization.CultureInfo;

namespace ECampus.Plugins.Quizzes.Web;

/// <summary>
/// The learner's quiz pages, server-rendered and usable without JavaScript: the quiz page (status, dates, attempts),
/// the attempt form (save, submit) and the review. Every form carries the antiforgery field and is checked.
/// </summary>
public static class QuizPages
{
    public static void MapQuizPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("/courses/{courseId}").ExcludeFromDescription();
        pages.MapGet("/quizzes/{quizId}", QuizAsync);
        pages.MapPost("/quizzes/{quizId}/attempts", StartAsync);
        pages.MapGet("/quizzes/{quizId}/attempt", LatestAttemptAsync);
        pages.MapGet("/quizzes/{quizId}/attempts/{attemptId}", AttemptAsync);
        pages.MapPost("/quizzes/{quizId}/attempts/{attemptId}", SaveAsync);
        pages.MapGainPages();
        pages.MapTutorPages();
    }

    private static async Task<IResult> QuizAsync(
        string courseId, string quizId, HttpContext context, GetQuizStatus status, QuizLookup lookup, QuizMarkdown markdown, ISitePages pages, string? notice)
    {
        QuizStatus quiz;
        try
        {
            quiz = await status.HandleAsync(courseId, quizId, context.RequestAborted);
        }
        catch (AccessDeniedException denied)
        {
            return await lookup.MayAsync(Permissions.TeachCourse, courseId, context.RequestAborted)
                ? TutorQuiz(courseId, quizId, lookup, markdown, pages)
                : pages.Page("Quiz", $"<h1>Quiz</h1><p class=\"notice\">{E(denied.Message)}</p>", StatusCodes.Status403Forbidden);
        }

        var body = new StringBuilder();
        body.Append(Inv.InvariantCulture, $"<p><a href=\"/courses/{Uri.EscapeDataString(courseId)}/home\">Back to the course</a></p><h1>{E(quiz.Title)}</h1>");
        if (notice is { Length: > 0 })
        {
            body.Append(Inv.InvariantCulture, $"<p class=\"notice error\" role=\"alert\">{E(notice)}</p>");
        }

        if (quiz.Introduction.Length > 0)
        {
            body.Append(markdown.Block(courseId, markdown.SourceFile(courseId, quizId), quiz.Introduction, TextFormat.Markdown));
        }

        body.Append("<dl class=\"facts\">");
        body.Append(Inv.InvariantCulture, $"<dt>Questions</dt><dd>{quiz.Questions}</dd>");
        if (quiz.TimeLimit is { } limit)
        {
            body.Append(Inv.InvariantCulture, $"<dt>Time limit</dt><dd>{(int)limit.TotalMinutes} minutes</dd>");
        }

        if (quiz.Opens is { } opens)
        {
            body.Append(Inv.InvariantCulture, $"<dt>Opens</dt><dd>{Time(opens)}</dd>");
        }

        if (quiz.Closes is { } closes)
        {
            body.Append(Inv.InvariantCulture, $"<dt>Closes</dt><dd>{Time(closes)}</dd>");
        }

        body.Append(Inv.InvariantCulture, $"<dt>Attempts</dt><dd>{quiz.Attempts.Count} used{(quiz.AttemptsLeft is { } left ? $", {left} left" : "")}</dd></dl>");
        if (quiz.OpenAttemptId is { } open)
        {
            body.Append(Inv.InvariantCulture, $"<p><a class=\"button\" href=\"{AttemptPath(courseId, quizId, open)}\">Continue your attempt</a></p>");
        }
        else if (quiz.CannotStart is { } reason)
        {
            body.Append(Inv.InvariantCulture, $"<p class=\"notice\">{E(reason)}</p>");
        }
        else
        {
            body.Append(Inv.InvariantCulture,
                $"<form method=\"post\" action=\"{QuizPaths.Quiz(courseId, quizId)}/attempts\">{pages.AntiforgeryField(context)}<button type=\"submit\">{(quiz.Attempts.Count == 0 ? "Start" : "Start a new attempt")}</button></form>");
        }

        if (quiz.Attempts.Count > 0)
        {
            body.Append("<h2>Your attempts</h2><div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Attempt</th><th scope=\"col\">Status</th><th scope=\"col\">Score</th></tr></thead><tbody>");
            foreach (var attempt in quiz.Attempts)
            {
                var result = attempt.Percent is { } percent ? Number(percent, " %") + (attempt.Passed switch { true => ", passed", false => ", not passed", _ => "" }) : "–";
                body.Append(Inv.InvariantCulture,
                    $"<tr><td><a href=\"{AttemptPath(courseId, quizId, attempt.Id)}\">Attempt {attempt.Number}</a></td><td>{E(StatusText(attempt.Status))}</td><td>{E(result)}</td></tr>");
            }

            body.Append("</tbody></table></div>");
        }

        if (quiz.Kind is "pre" or "post")
        {
            body.Append(Inv.InvariantCulture, $"<p><a href=\"/courses/{Uri.EscapeDataString(courseId)}/assessment-gain\">Your knowledge gain</a></p>");
        }

        return pages.Page(quiz.Title, body.ToString());
    }

    /// <summary>The quiz page as the course's tutors (and administrators) see it: what the quiz is, and where its attempts are graded.</summary>
    private static IResult TutorQuiz(string courseId, string quizId, QuizLookup lookup, QuizMarkdown markdown, ISitePages pages)
    {
        var quiz = lookup.Quiz(lookup.Course(courseId), quizId, null);
        var body = new StringBuilder();
        body.Append(Inv.InvariantCulture, $"<p><a href=\"/courses/{Uri.EscapeDataString(courseId)}/home\">Back to the course</a></p><h1>{E(quiz.Title)}</h1>");
        if (quiz.Introduction.Length > 0)
        {
            body.Append(markdown.Block(courseId, markdown.SourceFile(courseId, quiz), quiz.Introduction, TextFormat.Markdown));
        }

        body.Append(Inv.InvariantCulture, $"<p class=\"notice\">Learners take this quiz; as a tutor you see their attempts and grade the answers that need a person.</p>");
        body.Append(Inv.InvariantCulture, $"<ul><li><a href=\"{TutorPages.GradingPath(courseId, quizId)}\">Attempts and grading</a></li>");
        if (quiz.Settings.Kind == QuizKind.Survey)
        {
            body.Append(Inv.InvariantCulture, $"<li><a href=\"{QuizPaths.Quiz(courseId, quizId)}/results\">Survey results</a></li>");
        }
        else if (quiz.Settings.Kind is QuizKind.Pre or QuizKind.Post)
        {
            body.Append(Inv.InvariantCulture, $"<li><a href=\"/courses/{Uri.EscapeDataString(courseId)}/assessment-gain\">Knowledge gain</a></li>");
        }

        body.Append("</ul>");
        return pages.Page(quiz.Title, body.ToString());
    }

    private static async Task<IResult> StartAsync(string courseId, string quizId, HttpContext context, StartAttempt start, ISitePages pages)
    {
        if (!await pages.IsFormValidAsync(context))
        {
            return pages.Page("Form expired", "<h1>Form expired</h1><p>Reload the page and try again.</p>", StatusCodes.Status400BadRequest);
        }

        try
        {
            var (attempt, _) = await start.HandleAsync(courseId, quizId, context.RequestAborted);
            return Results.Redirect(AttemptPath(courseId, quizId, attempt.Id));
        }
        catch (EcampusProblemException problem) when (problem is ConflictException or AccessDeniedException)
        {
            return Results.Redirect($"{QuizPaths.Quiz(courseId, quizId)}?notice={Uri.EscapeDataString(problem.Message)}");
        }
    }

    /// <summary>The open attempt, else the latest one, else the quiz page: one address to bookmark.</summary>
    private static async Task<IResult> LatestAttemptAsync(string courseId, string quizId, HttpContext context, GetQuizStatus status)
    {
        var quiz = await status.HandleAsync(courseId, quizId, context.RequestAborted);
        var attemptId = quiz.OpenAttemptId ?? quiz.Attempts.LastOrDefault()?.Id;
        return Results.Redirect(attemptId is null ? QuizPaths.Quiz(courseId, quizId) : AttemptPath(courseId, quizId, attemptId));
    }

    private static async Task<IResult> AttemptAsync(string courseId, string quizId, string attemptId, HttpContext context, AttemptViews views, ISitePages pages, string? notice) =>
        Render(courseId, quizId, await views.ReadAsync(courseId, quizId, attemptId, context.RequestAborted), context, pages, notice, null, StatusCodes.Status200OK);

    private static async Task<IResult> SaveAsync(
        string courseId, string quizId, string attemptId, HttpContext context, AttemptViews views, SaveAnswer save, SubmitAttempt submit, ISitePages pages)
    {
        if (!await pages.IsFormValidAsync(context))
        {
            return pages.Page("Form expired", "<h1>Form expired</h1><p>Reload the page and try again; answers you saved before are kept.</p>", StatusCodes.Status400BadRequest);
        }

        var cancellationToken = context.RequestAborted;
        var attempt = await views.ReadAsync(courseId, quizId, attemptId, cancellationToken);
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        try
        {
            foreach (var question in attempt.Questions)
            {
                var answer = AttemptForm.Read(question, form, out var problem);
                if (problem is not null)
                {
                    errors[question.Id] = [problem];
                    continue;
                }

                var before = attempt.Answers.GetValueOrDefault(question.Id);
                if (answer is null || (before is null ? answer.IsEmpty : QuizJson.Serialize(before) == QuizJson.Serialize(answer)))
                {
                    continue;
                }

                try
                {
                    await save.HandleAsync(courseId, quizId, attemptId, question.Id, answer, cancellationToken);
                }
                catch (InvalidInputException invalid)
                {
                    errors[question.Id] = invalid.Errors.SelectMany(e => e.Value).ToArray();
                }
            }

            if (errors.Count == 0 && form["action"] == "submit")
            {
                await submit.HandleAsync(courseId, quizId, attemptId, cancellationToken);
                return Results.Redirect(AttemptPath(courseId, quizId, attemptId));
            }
        }
        catch (ConflictException conflict)
        {
            return Results.Redirect($"{AttemptPath(courseId, quizId, attemptId)}?notice={Uri.EscapeDataString(conflict.Message)}");
        }

        if (errors.Count == 0)
        {
            return Results.Redirect($"{AttemptPath(courseId, quizId, attemptId)}?notice={Uri.EscapeDataString("Your answers are saved.")}");
        }

        var current = await views.ReadAsync(courseId, quizId, attemptId, cancellationToken);
        return Render(courseId, quizId, current, context, pages, "Some answers were not saved; see the messages below.", errors, StatusCodes.Status400BadRequest);
    }

    private static IResult Render(
        string courseId, string quizId, AttemptView attempt, HttpContext context, ISitePages pages, string? notice,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? errors, int statusCode)
    {
        var body = new StringBuilder();
        body.Append(Inv.InvariantCulture, $"<p><a href=\"{QuizPaths.Quiz(courseId, quizId)}\">Back to the quiz</a></p><h1>{E(attempt.Title)}</h1>");
        body.Append(Inv.InvariantCulture, $"<p class=\"hint\">Attempt {attempt.Number}, started {Time(attempt.StartedAt)}.</p>");
        if (notice is { Length: > 0 })
        {
            var ok = notice == "Your answers are saved.";
            body.Append(Inv.InvariantCulture, $"<p class=\"notice{(ok ? " ok" : " error")}\" role=\"{(ok ? "status" : "alert")}\">{E(notice)}</p>");
        }

        if (attempt.Status == AttemptRow.Open)
        {
            if (attempt.Deadline is { } deadline)
            {
                body.Append(Inv.InvariantCulture, $"<p class=\"notice\">Submit by {Time(deadline)}. Answers saved by then are graded even if you do not submit.</p>");
            }

            body.Append(Inv.InvariantCulture, $"<form method=\"post\" action=\"{AttemptPath(courseId, quizId, attempt.Id)}\" class=\"quiz\">{pages.AntiforgeryField(context)}");
            var number = 0;
            foreach (var question in attempt.Questions)
            {
                if (question.Type == QuestionType.Description)
                {
                    body.Append(question.Html ?? Text(question.Text));
                    continue;
                }

                body.Append(AttemptForm.Render(question, attempt.Answers.GetValueOrDefault(question.Id), ++number, errors?.GetValueOrDefault(question.Id)));
            }

            body.Append("<p><button type=\"submit\" name=\"action\" value=\"save\">Save answers</button> <button type=\"submit\" name=\"action\" value=\"submit\">Submit</button></p></form>");
            return pages.Page(attempt.Title, body.ToString(), statusCode);
        }

        body.Append(Review(attempt));
        return pages.Page(attempt.Title, body.ToString(), statusCode);
    }

    private static string Review(AttemptView attempt)
    {
        var body = new StringBuilder();
        body.Append(Inv.InvariantCulture, $"<p>{E(StatusText(attempt.Status))}{(attempt.SubmittedAt is { } at ? $" on {Time(at)}" : "")}.</p>");
        var review = attempt.Review;
        if (review is null)
        {
            return body.ToString();
        }

        if (review.Percent is { } percent)
        {
            var passed = review.Passed switch { true => " You passed.", false => " You did not reach the pass mark.", _ => "" };
            body.Append(Inv.InvariantCulture,
                $"<p class=\"notice ok\" role=\"status\">Your score: {Number(review.Score)} of {Number(review.MaxPoints)} points ({Number(percent, " %")}).{E(passed)}</p>");
        }

        if (review.Pending)
        {
            body.Append("<p class=\"notice\">Some answers wait for a tutor's grade.</p>");
        }

        if (review.Message is { } message)
        {
            body.Append(Inv.InvariantCulture, $"<p class=\"notice\">{E(message)}</p>");
        }

        if (review.Questions is not { } questions)
        {
            return body.ToString();
        }

        body.Append("<h2>Review</h2><ol class=\"review\">");
        var views = attempt.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        foreach (var question in questions.Where(q => views.ContainsKey(q.QuestionId) && q.Outcome != Outcome.Recorded))
        {
            var view = views[question.QuestionId];
            body.Append(Inv.InvariantCulture, $"<li>{view.Html ?? Text(view.Text)}<p><strong>{E(OutcomeText(question.Outcome))}</strong> ({Number(question.Score)} of {Number(question.MaxPoints)})</p>");
            var right = question.CorrectOptionIds?.Select(id => view.Options.FirstOrDefault(o => o.Id == id) is { } option ? option.Html ?? E(option.Text) : E(id))
                ?? question.AcceptedAnswers?.Select(a => E(a));
            if (right is not null && right.Any())
            {
                body.Append(Inv.InvariantCulture, $"<p>Right answer: {string.Join("; ", right)}</p>");
            }

            if (question.TutorGrade is { } grade)
            {
                body.Append(Inv.InvariantCulture, $"<p>Graded by your tutor on {Time(grade.GradedAt)}: {Number(grade.Points)} of {Number(question.MaxPoints)}.</p>");
                if (grade.Feedback is { } tutorFeedback)
                {
                    body.Append(Inv.InvariantCulture, $"<blockquote class=\"tutor-feedback\"><p><strong>Your tutor:</strong></p>{Text(tutorFeedback)}</blockquote>");
                }
            }

            foreach (var feedback in question.FeedbackHtml ?? question.Feedback.Select(f => Text(f)).ToArray())
            {
                body.Append(Inv.InvariantCulture, $"<div class=\"hint\">{feedback}</div>");
            }

            body.Append("</li>");
        }

        body.Append("</ol>");
        return body.ToString();
    }

    public static string AttemptPath(string courseId, string quizId, string attemptId) => $"{QuizPaths.Quiz(courseId, quizId)}/attempts/{Uri.EscapeDataString(attemptId)}";

    private static string StatusText(string status) => status switch
    {
        AttemptRow.Open => "In progress",
        AttemptRow.Expired => "Closed when time ran out",
        _ => "Submitted",
    };

    private static string OutcomeText(Outcome outcome) => outcome switch
    {
        Outcome.Correct => "Correct",
        Outcome.Partial => "Partly correct",
        Outcome.Ungraded => "Waiting for a tutor",
        _ => "Not correct",
    };
}
