using System.CommandLine;
using ECampus.Plugins.Quizzes.Attempts;
using ECampus.Plugins.Quizzes.Cli;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Gain;
using ECampus.Plugins.Quizzes.Surveys;
using ECampus.Plugins.Quizzes.Tutoring;
using ECampus.Plugins.Quizzes.Web;
using ECampus.Sdk;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Plugins.Quizzes;

/// <summary>
/// Quizzes, assessments and surveys written in Markdown or Moodle GIFT: checked with the pack, taken in attempts that
/// keep the questions they started with, graded once, and reported as knowledge gain between pre- and post-course.
/// </summary>
public sealed class QuizzesPlugin : IEcampusPlugin
{
    public const string ActivityTypeName = "quiz";

    /// <summary>
    /// Per-learner data: attempts, their answers and tutors' grades. <c>quizzes_survey_response</c> is deliberately
    /// absent: it has no account column, so an anonymous survey's answers lead back to nobody.
    /// </summary>
    public PluginManifest Manifest { get; } = new("quizzes", "Quizzes and assessments", new Version(1, 1, 0), new Version(0, 1, 0))
    {
        PersonalData =
        [
            new PersonalDataTable("quizzes_attempt", "account_id"),
            new PersonalDataTable("quizzes_answer", "account_id"),
            new PersonalDataTable("quizzes_manual_grade", "account_id"),
        ],
    };

    public void ConfigureServices(PluginServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddActivityType(new ActivityType(ActivityTypeName, "Quiz", "assessments", Check, (courseId, quizId) => QuizPaths.Quiz(courseId, quizId)));
        services.AddUpcomingItems<QuizDeadlines>();
        var site = services.Services;
        site.AddSingleton(QuizzesOptions.From(services.Configuration));
        site.AddSingleton<QuizSnapshots>();
        site.AddSingleton<ParsedQuizzes>();
        site.AddScoped<QuizLookup>();
        site.AddScoped<GetQuizStatus>();
        site.AddScoped<StartAttempt>();
        site.AddScoped<SaveAnswer>();
        site.AddScoped<SubmitAttempt>();
        site.AddScoped<AttemptViews>();
        site.AddScoped<CloseExpiredAttempts>();
        site.AddScoped<GetAssessmentGain>();
        site.AddScoped<GetSurveyResults>();
        site.AddSingleton<QuizMarkdown>();
        site.AddScoped<ListQuizAttempts>();
        site.AddScoped<GetAttemptForGrading>();
        site.AddScoped<GradeAnswer>();
        site.AddHostedService<ExpiredAttemptSweep>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapQuizzesApi();
        endpoints.MapQuizPages();
    }

    public IEnumerable<Command> CreateCommands() => [QuizCommands.Create()];

    /// <summary>The pack loader's check of a quiz file: every problem of the quiz language, positioned in the file.</summary>
    public static IEnumerable<ActivityProblem> Check(ActivityFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return QuizParser.Parse(new QuizSource(file.Text, file.SourceFile) { DefaultId = file.Id }).Problems
            .Select(p => new ActivityProblem(p.Severity == QuizSeverity.Error, p.Line, p.Column, p.Code, p.Message, p.Hint));
    }
}

/// <summary>Where the plug-in's pages live.</summary>
public static class QuizPaths
{
    public static string Quiz(string courseId, string quizId) => $"/courses/{Uri.EscapeDataString(courseId)}/quizzes/{Uri.EscapeDataString(quizId)}";
}
