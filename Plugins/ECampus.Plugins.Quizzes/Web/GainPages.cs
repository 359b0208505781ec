using System.Globalization;
using System.Text;
using ECampus.Plugins.Quizzes.Gain;
using ECampus.Plugins.Quizzes.Surveys;
using ECampus.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static ECampus.Plugins.Quizzes.Web.Html;

namespace ECampus.Plugins.Quizzes.Web;

/// <summary>Knowledge gain (a chart drawn on the server, a table beside it, a CSV export) and survey results.</summary>
public static class GainPages
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void MapGainPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/assessment-gain", GainAsync);
        pages.MapGet("/assessment-gain.csv", CsvAsync);
        pages.MapGet("/quizzes/{quizId}/results", SurveyAsync);
    }

    private static async Task<IResult> GainAsync(string courseId, long? cohortId, HttpContext context, GetAssessmentGain gain, ISitePages pages)
    {
        GainReport report;
        try
        {
            report = await gain.HandleAsync(courseId, cohortId, context.RequestAborted);
        }
        catch (AccessDeniedException denied)
        {
            return pages.Page("Knowledge gain", $"<h1>Knowledge gain</h1><p class=\"notice\">{E(denied.Message)}</p>", StatusCodes.Status403Forbidden);
        }

        var body = new StringBuilder();
        body.Append(Inv, $"<p><a href=\"/courses/{Uri.EscapeDataString(courseId)}/home\">Back to the course</a></p><h1>Knowledge gain</h1>");
        body.Append("<p class=\"hint\">Scores in percent: the first pre-course attempt and the last post-course attempt. Normalised gain is (post − pre) / (100 − pre).</p>");
        if (report.IsOwn)
        {
            var own = report.Learners.SingleOrDefault();
            body.Append("<dl class=\"facts\">");
            body.Append(Inv, $"<dt>Before the course</dt><dd>{Number(own?.Pre, " %")}</dd><dt>After the course</dt><dd>{Number(own?.Post, " %")}</dd>");
            body.Append(Inv, $"<dt>Your gain</dt><dd>{Signed(own?.Gain, " points")}</dd><dt>Normalised gain</dt><dd>{Number(own?.NormalisedGain)}</dd></dl>");
            if (own?.Gain is null)
            {
                body.Append("<p class=\"notice\">Your gain shows once you have taken both the pre-course and the post-course assessment.</p>");
            }

            return pages.Page("Knowledge gain", body.ToString());
        }

        var summary = report.Summary;
        body.Append("<dl class=\"facts\">");
        body.Append(Inv, $"<dt>Learners with both scores</dt><dd>{summary.Count}</dd><dt>Mean before</dt><dd>{Number(summary.MeanPre, " %")}</dd><dt>Mean after</dt><dd>{Number(summary.MeanPost, " %")}</dd>");
        body.Append(Inv, $"<dt>Mean gain</dt><dd>{Signed(summary.MeanGain, " points")}</dd><dt>Median gain</dt><dd>{Signed(summary.MedianGain, " points")}</dd>");
        body.Append(Inv, $"<dt>Mean normalised gain</dt><dd>{Number(summary.MeanNormalisedGain)}</dd><dt>Improved</dt><dd>{Number(summary.ShareImproved * 100, " %")}</dd></dl>");
        body.Append(Chart(report.Learners.Where(l => l.Pre is not null && l.Post is not null).ToList()));
        body.Append("<div class=\"table-wrap\"><table><caption>Scores per learner</caption><thead><tr><th scope=\"col\">Learner</th><th scope=\"col\">Cohort</th><th scope=\"col\">Pre</th><th scope=\"col\">Post</th><th scope=\"col\">Gain</th><th scope=\"col\">Normalised</th></tr></thead><tbody>");
        foreach (var learner in report.Learners)
        {
            body.Append(Inv, $"<tr><td>{E(learner.Name ?? $"Learner {learner.AccountId}")}</td><td>{learner.CohortId}</td><td>{Number(learner.Pre, " %")}</td><td>{Number(learner.Post, " %")}</td><td>{Signed(learner.Gain, "")}</td><td>{Number(learner.NormalisedGain)}</td></tr>");
        }

        body.Append("</tbody></table></div>");
        body.Append("<div class=\"table-wrap\"><table><caption>Questions: share of points earned</caption><thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead><tbody>");
        foreach (var question in report.Questions)
        {
            body.Append(Inv, $"<tr><td>{E(question.Text ?? question.QuestionId)}</td><td>{Number(question.Before * 100, " %")}</td><td>{Number(question.After * 100, " %")}</td></tr>");
        }

        body.Append("</tbody></table></div>");
        var query = cohortId is { } c ? $"?cohortId={c}" : "";
        body.Append(Inv, $"<p><a href=\"/courses/{Uri.EscapeDataString(courseId)}/assessment-gain.csv{query}\">Download the scores (CSV)</a></p>");
        return pages.Page("Knowledge gain", body.ToString());
    }

    /// <summary>Pre and post score of each learner as a pair of bars; the table beside it holds the same numbers.</summary>
    private static string Chart(List<LearnerGain> learners)
    {
        if (learners.Count == 0)
        {
            return "<p class=\"notice\">No learner has taken both assessments yet.</p>";
        }

        const int height = 120;
        const int bar = 6;
        var shown = learners.Take(60).ToList();
        var width = Math.Max(300, shown.Count * (bar * 2 + 4) + 30);
        var svg = new StringBuilder();
        svg.Append(Inv, $"<figure><svg role=\"img\" aria-labelledby=\"gain-chart-title\" viewBox=\"0 0 {width} {height + 20}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(Inv, $"<title id=\"gain-chart-title\">Pre-course (grey) and post-course (dark) score of each learner, 0 to 100 %</title>");
        svg.Append(Inv, $"<line x1=\"24\" y1=\"{height}\" x2=\"{width}\" y2=\"{height}\" stroke=\"#555\"/><text x=\"0\" y=\"10\" font-size=\"9\">100</text><text x=\"8\" y=\"{height}\" font-size=\"9\">0</text>");
        for (var i = 0; i < shown.Count; i++)
        {
            var x = 28 + i * (bar * 2 + 4);
            var pre = (double)shown[i].Pre!.Value / 100 * height;
            var post = (double)shown[i].Post!.Value / 100 * height;
            svg.Append(Inv, $"<rect x=\"{x}\" y=\"{height - pre:0.#}\" width=\"{bar}\" height=\"{pre:0.#}\" fill=\"#999\"/>");
            svg.Append(Inv, $"<rect x=\"{x + bar}\" y=\"{height - post:0.#}\" width=\"{bar}\" height=\"{post:0.#}\" fill=\"#1d3f6e\"/>");
        }

        svg.Append("</svg><figcaption>Each pair: one learner, before (grey) and after (dark). The table below gives the numbers.</figcaption></figure>");
        return svg.ToString();
    }

    private static async Task<IResult> CsvAsync(string courseId, long? cohortId, HttpContext context, GetAssessmentGain gain)
    {
        var report = await gain.HandleAsync(courseId, cohortId, context.RequestAborted);
        var csv = new StringBuilder("learner,name,cohort,pre,post,gain,normalised_gain\r\n");
        foreach (var learner in report.Learners)
        {
            csv.Append(Inv, $"{learner.AccountId},{Cell(learner.Name ?? "")},{learner.CohortId},{Plain(learner.Pre)},{Plain(learner.Post)},{Plain(learner.Gain)},{Plain(learner.NormalisedGain)}\r\n");
        }

        csv.Append("\r\nquestion_id,question,before,after\r\n");
        foreach (var question in report.Questions)
        {
            csv.Append(Inv, $"{Cell(question.QuestionId)},{Cell(question.Text ?? "")},{Plain(question.Before)},{Plain(question.After)}\r\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"{courseId}-assessment-gain.csv");
    }

    /// <summary>A text cell quoted for CSV, and defused for spreadsheets: text starting with = + - @ or a control character is not a formula.</summary>
    public static string Cell(string text)
    {
        var safe = text.Length > 0 && "=+-@\t\r\n".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string Plain(decimal? value) => value?.ToString(Inv) ?? "";

    private static string Signed(decimal? value, string unit) => value is { } v ? (v > 0 ? "+" : "") + Number(v) + unit : "–";

    private static async Task<IResult> SurveyAsync(string courseId, string quizId, long? cohortId, HttpContext context, GetSurveyResults results, ISitePages pages)
    {
        SurveyResults survey;
        try
        {
            survey = await results.HandleAsync(courseId, quizId, cohortId, context.RequestAborted);
        }
        catch (AccessDeniedException denied)
        {
            return pages.Page("Survey results", $"<h1>Survey results</h1><p class=\"notice\">{E(denied.Message)}</p>", StatusCodes.Status403Forbidden);
        }

        var body = new StringBuilder();
        body.Append(Inv, $"<p><a href=\"/courses/{Uri.EscapeDataString(courseId)}/home\">Back to the course</a></p><h1>{E(survey.Title)}: results</h1>");
        body.Append(Inv, $"<p>{survey.Responses} {(survey.Responses == 1 ? "response" : "responses")}{(survey.Anonymous ? ", anonymous" : "")}.</p>");
        foreach (var (question, number) in survey.Questions.Select((q, i) => (q, i + 1)))
        {
            body.Append(Inv, $"<section class=\"survey-question\"><h2>Question {number}</h2>{question.Html ?? Text(question.Text)}");
            if (question.Counts.Count > 0)
            {
                body.Append("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Answer</th><th scope=\"col\">Responses</th></tr></thead><tbody>");
                foreach (var count in question.Counts)
                {
                    body.Append(Inv, $"<tr><td>{count.Html ?? E(count.Label)}</td><td>{count.Count}</td></tr>");
                }

                body.Append("</tbody></table></div>");
                if (question.Mean is { } mean)
                {
                    body.Append(Inv, $"<p>Mean: {Number(mean)}</p>");
                }
            }
            else
            {
                body.Append(question.Texts.Count == 0 ? "<p class=\"hint\">No answers yet.</p>" : "<ul>" + string.Concat(question.Texts.Select(t => $"<li>{E(t)}</li>")) + "</ul>");
            }

            body.Append("</section>");
        }

        return pages.Page("Survey results", body.ToString());
    }
}
