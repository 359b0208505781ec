using ECampus.Plugins.Quizzes.Attempts;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Web;

/// <summary>
/// Question text, options and feedback as sanitised HTML, rendered by the engine with the pack's rules and asset links
/// resolved from the quiz's source file. Only text a learner may already see is ever given to it, so rendering cannot
/// reveal a key: the views it fills were built without one.
/// </summary>
public sealed class QuizMarkdown(ICourseDirectory courses)
{
    /// <summary>The file an attempt's quiz was read from: kept in its snapshot; for snapshots older than that, the activity's file now.</summary>
    public string SourceFile(string courseId, Quiz quiz)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        return quiz.SourceFile ?? SourceFile(courseId, quiz.Id);
    }

    /// <summary>The file the course's current version reads a quiz from.</summary>
    public string SourceFile(string courseId, string quizId) => courses.FindActivity(courseId, quizId)?.SourceFile ?? $"assessments/{quizId}.md";

    /// <summary>Block HTML (paragraphs, lists, code, images) for a question's text or a feedback.</summary>
    public string Block(string courseId, string sourceFile, string text, TextFormat format) => format switch
    {
        TextFormat.Plain => Html.Text(text),
        TextFormat.Moodle => string.Concat(text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"<p>{Html.E(p).Replace("\n", "<br>", StringComparison.Ordinal)}</p>")),
        _ => courses.RenderMarkdown(courseId, sourceFile, text) ?? Html.Text(text),
    };

    /// <summary>Inline HTML for an option or a label: one paragraph loses its &lt;p&gt;, so it fits inside a label.</summary>
    public string Inline(string courseId, string sourceFile, string text, TextFormat format)
    {
        var html = Block(courseId, sourceFile, text, format).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
            && html.IndexOf("<p", 3, StringComparison.Ordinal) < 0 && !html.Contains("<br>", StringComparison.Ordinal)
            ? html[3..^4]
            : html;
    }

    /// <summary>The learner's questions with their text and options rendered.</summary>
    public IReadOnlyList<QuestionView> Views(string courseId, string sourceFile, IReadOnlyList<QuestionView> questions) =>
        questions.Select(q => q with
        {
            Html = Block(courseId, sourceFile, q.Text, q.Format),
            Options = q.Options.Select(o => o with { Html = Inline(courseId, sourceFile, o.Text, q.Format) }).ToArray(),
            Prompts = q.Prompts.Select(p => p with { Html = Inline(courseId, sourceFile, p.Text, q.Format) }).ToArray(),
        }).ToArray();

    /// <summary>Feedback lines rendered, in the question's format.</summary>
    public IReadOnlyList<string> Feedback(string courseId, string sourceFile, IReadOnlyList<string> feedback, TextFormat format) =>
        feedback.Select(f => Block(courseId, sourceFile, f, format)).ToArray();

    /// <summary>A view of an attempt with every text a learner sees also as HTML.</summary>
    public AttemptView Rendered(AttemptView attempt, Quiz quiz)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var source = SourceFile(attempt.CourseId, quiz);
        var formats = quiz.Questions.ToDictionary(q => q.Id, q => q.Format, StringComparer.Ordinal);
        return attempt with
        {
            Questions = Views(attempt.CourseId, source, attempt.Questions),
            Review = attempt.Review is { Questions: { } reviewed } review
                ? review with
                {
                    Questions = reviewed.Select(r => r with
                    {
                        FeedbackHtml = Feedback(attempt.CourseId, source, r.Feedback, formats.GetValueOrDefault(r.QuestionId)),
                    }).ToArray(),
                }
                : attempt.Review,
        };
    }
}
