using System.Text.Json;
using Dapper;
using ECampus.Plugins.Quizzes.Attempts;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;
using ECampus.Plugins.Quizzes.Web;
using ECampus.Sdk;

namespace ECampus.Plugins.Quizzes.Surveys;

/// <summary>A survey's submitted answers, aggregated per question; never tied to anyone.</summary>
public sealed record SurveyResults(string CourseId, string QuizId, string Title, bool Anonymous, int Responses, IReadOnlyList<SurveyQuestionResult> Questions);

/// <summary>Counts per option or scale point (with the mean for scales), or the texts written.</summary>
public sealed record SurveyQuestionResult(string QuestionId, string Text, QuestionType Type, IReadOnlyList<OptionCount> Counts, decimal? Mean, IReadOnlyList<string> Texts)
{
    /// <summary><see cref="Text"/> as sanitised HTML.</summary>
    public string? Html { get; init; }
}

public sealed record OptionCount(string Id, string Label, int Count)
{
    /// <summary><see cref="Label"/> as sanitised inline HTML.</summary>
    public string? Html { get; init; }
}

/// <summary>Aggregates a survey for the course's tutors (their cohorts), administrators and authors.</summary>
public sealed class GetSurveyResults(QuizLookup lookup, IDatabase database, ICourseDirectory courses, QuizMarkdown markdown)
{
    public async Task<SurveyResults> HandleAsync(string courseId, string quizId, long? cohortId, CancellationToken cancellationToken)
    {
        var course = lookup.Course(courseId);
        var isAuthor = lookup.Actor.HasSiteRole(SiteRoles.Author) || lookup.Actor.HasSiteRole(SiteRoles.Admin);
        if (!isAuthor && !await lookup.MayAsync(Permissions.TeachCourse, courseId, cancellationToken))
        {
            throw await lookup.MayAsync(Permissions.TakeCourse, courseId, cancellationToken)
                ? new AccessDeniedException("Survey results are for the course's tutors and authors.")
                : new NotFoundException($"There is no course '{courseId}'.");
        }

        var quiz = lookup.Quiz(course, quizId, null);
        if (quiz.Settings.Kind != QuizKind.Survey)
        {
            throw new NotFoundException($"'{quizId}' is not a survey.");
        }

        var cohorts = isAuthor ? null : await courses.TaughtCohortsAsync(lookup.Actor, courseId, cancellationToken);
        var responses = await database.ReadAsync(async connection => (await connection.QueryAsync<(long? CohortId, string AnswersJson)>(
            "SELECT cohort_id, answers_json FROM quizzes_survey_response WHERE course_id = @courseId AND quiz_id = @quizId ORDER BY id",
            new { courseId, quizId })).ToList(), cancellationToken);
        var answers = responses
            .Where(r => (cohorts is null || r.CohortId is { } c && cohorts.Contains(c)) && (cohortId is null || r.CohortId == cohortId))
            .Select(r => JsonSerializer.Deserialize<Dictionary<string, Answer>>(r.AnswersJson, AttemptJson.Options)!)
            .ToList();
        var source = markdown.SourceFile(courseId, quiz);
        return new SurveyResults(courseId, quizId, quiz.Title, quiz.Settings.Anonymous, answers.Count,
            quiz.Questions.Where(q => q.Type != QuestionType.Description)
                .Select(q => Aggregate(q, answers.Select(a => a.GetValueOrDefault(q.Id)).OfType<Answer>().ToList()) is var result
                    ? result with
                    {
                        Html = markdown.Block(courseId, source, q.Text, q.Format),
                        Counts = result.Counts.Select(c => c with { Html = markdown.Inline(courseId, source, c.Label, q.Format) }).ToArray(),
                    }
                    : null!)
                .ToList());
    }

    private static SurveyQuestionResult Aggregate(Question question, List<Answer> answers)
    {
        var view = QuestionView.For(question);
        if (question is LikertQuestion)
        {
            var points = answers.OfType<ScaleAnswer>().Select(a => a.Value).ToList();
            return new SurveyQuestionResult(question.Id, question.Text, question.Type,
                view.Options.Select(o => new OptionCount(o.Id, o.Text, points.Count(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture) == o.Id))).ToList(),
                points.Count == 0 ? null : Math.Round((decimal)points.Average(), 2), []);
        }

        if (view.Options.Count > 0 && view.Prompts.Count == 0)
        {
            var chosen = answers.OfType<ChoiceAnswer>().SelectMany(a => a.OptionIds).ToList();
            return new SurveyQuestionResult(question.Id, question.Text, question.Type,
                view.Options.Select(o => new OptionCount(o.Id, o.Text, chosen.Count(id => id == o.Id))).ToList(), null, []);
        }

        return new SurveyQuestionResult(question.Id, question.Text, question.Type, [], null,
            answers.OfType<TextAnswer>().Where(a => !a.IsEmpty).Select(a => a.Text).ToList());
    }
}
