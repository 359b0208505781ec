using Dapper;
using ECampus.Engine.Plugins;
using ECampus.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECampus.Web.Tests.Quizzes;

/// <summary>
/// The quizzes manifest declares every table holding a learner's data with its account column (the host checks the
/// columns exist), and the survey responses table has no column that could lead back to a person.
/// </summary>
public sealed class PersonalDataTests
{
    [Test]
    public async Task EveryQuizzesTableNamingALearner_IsDeclared_AndSurveyResponsesNameNobody()
    {
        await using var site = await QuizApi.StartSiteAsync(null, null, QuizApi.SelfPaced);
        var quizzes = site.Services.GetRequiredService<PluginHost>().Plugins.Single(p => p.Id == "quizzes");
        await using var connection = site.Open();
        var columns = (await connection.QueryAsync<(string Table, string Column)>(
            "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name LIKE 'quizzes\\_%' ESCAPE '\\'")).ToList();

        var naming = columns.Where(c => c.Column == "account_id").Select(c => (c.Table, c.Column)).Order().ToList();
        var declared = quizzes.Manifest!.PersonalData.Select(p => (p.Table, p.AccountColumn)).Order().ToList();
        var survey = columns.Where(c => c.Table == "quizzes_survey_response").Select(c => c.Column).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(quizzes.IsEnabled, Is.True, $"the quizzes plug-in is disabled: {quizzes.Problem}");
            Assert.That(declared, Is.EqualTo(naming), "the manifest's personal data differs from the tables with an account column");
            Assert.That(declared.Select(d => d.Table), Is.SupersetOf(new[] { "quizzes_attempt", "quizzes_answer", "quizzes_manual_grade" }));
            Assert.That(survey, Is.EquivalentTo(new[] { "id", "course_id", "quiz_id", "cohort_id", "submitted_on", "answers_json" }),
                "survey responses gained a column; an anonymous survey's answers must lead back to nobody");
        });
    }
}
