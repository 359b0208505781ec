using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Tests.Authoring;

/// <summary>The quizzes in the sample packs are the first users of the format: they must parse cleanly and mean what they say.</summary>
public class SampleQuizzesTests
{
    private static IEnumerable<string> SampleQuizFiles() =>
        Directory.GetFiles(TestPaths.SamplePacks, "*.*", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f)!.EndsWith("assessments", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(TestPaths.SamplePacks, f))
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(SampleQuizFiles))]
    public void SampleQuiz_ParsesWithoutAnyProblem(string relativePath)
    {
        var path = Path.Combine(TestPaths.SamplePacks, relativePath);
        var language = relativePath.Contains("/fr/", StringComparison.Ordinal) ? "fr" : "en";

        var result = QuizParser.Parse(new QuizSource(File.ReadAllText(path), Path.GetFileName(path)) { Language = language });

        Assert.That(result.Problems.Select(p => p.ToString()), Is.Empty);
        Assert.That(result.Quiz!.Questions, Is.Not.Empty);
    }

    [Test]
    public void SampleFolder_HoldsTheQuizzesTheBriefNames()
    {
        Assert.That(SampleQuizFiles(), Is.SupersetOf(new[]
        {
            Path.Combine("evidence-based-policy", "assessments", "pre-course.md"),
            Path.Combine("intro-labour-standards", "assessments", "check-1.md"),
            Path.Combine("intro-labour-standards", "fr", "assessments", "check-1.md"),
            Path.Combine("webinar-skills-green-jobs", "assessments", "satisfaction-survey.md"),
        }));
    }

    [Test]
    public void CheckOne_HasThreeSingleChoiceQuestionsAndKeepsTheClosingQuoteAsFeedback()
    {
        var quiz = Load("intro-labour-standards/assessments/check-1.md");

        Assert.That(quiz.Title, Is.EqualTo("Check: what are international labour standards?"));
        Assert.That(quiz.Settings.PassMark, Is.EqualTo(60));
        Assert.That(quiz.Settings.Kind, Is.EqualTo(QuizKind.Check));
        Assert.That(quiz.Questions.Select(q => q.Type), Is.All.EqualTo(QuestionType.SingleChoice));
        var delegates = (ChoiceQuestion)quiz.Questions[2];
        Assert.That(delegates.Options.Single(o => o.IsCorrect).Text, Is.EqualTo("Two government, one employer and one worker delegate"));
        Assert.That(delegates.Feedback, Is.EqualTo("Each delegate votes individually, which is why employers' and workers'\nsupport matters for adoption."));
        Assert.That(quiz.Questions[0].Feedback, Is.Null);
    }

    [Test]
    public void CheckFour_RoutesQuestionWithTwoTickedOptions_IsMultipleChoiceSharingTheCredit()
    {
        var routes = (ChoiceQuestion)Load("intro-labour-standards/assessments/check-4.md").Questions[1];

        Assert.That(routes.Multiple, Is.True);
        Assert.That(routes.Options.Select(o => o.Weight), Is.EqualTo(new[] { 50m, 50m, -100m }));
    }

    [Test]
    public void PreCourse_IsUngradedAndNamesItsParallelQuiz()
    {
        var quiz = Load("evidence-based-policy/assessments/pre-course.md");

        Assert.That(quiz.Settings.Graded, Is.False);
        Assert.That(quiz.Settings.ParallelTo, Is.EqualTo("post-course"));
        Assert.That(quiz.Questions, Has.Count.EqualTo(5));
    }

    [Test]
    public void Baseline_ShufflesQuestionsAndOptions_AndKeepsTrueFalseAsASingleChoice()
    {
        var quiz = Load("intro-labour-standards/assessments/baseline.md");

        Assert.That(quiz.Settings.ShuffleQuestions, Is.True);
        Assert.That(quiz.Settings.ShuffleOptions, Is.True);
        var recommendation = (ChoiceQuestion)quiz.Questions[1];
        Assert.That(recommendation.Options.Select(o => (o.Text, o.IsCorrect)), Is.EqualTo(new[] { ("True", false), ("False", true) }));
    }

    [Test]
    public void SatisfactionSurvey_IsAnAnonymousSurveyOfPollsAndOneFreeText()
    {
        var quiz = Load("webinar-skills-green-jobs/assessments/satisfaction-survey.md");

        Assert.That(quiz.Settings.Kind, Is.EqualTo(QuizKind.Survey));
        Assert.That(quiz.Settings.Anonymous, Is.True);
        Assert.That(quiz.Settings.Graded, Is.False);
        Assert.That(quiz.Questions.Select(q => q.Type),
            Is.EqualTo(new[] { QuestionType.Poll, QuestionType.Poll, QuestionType.Poll, QuestionType.FreeText }));
        Assert.That(((PollQuestion)quiz.Questions[0]).Options, Has.Count.EqualTo(5));
        Assert.That(quiz.Questions[3].Text, Is.EqualTo("What topic should a future webinar cover?\n\n_Free text._"));
        Assert.That(quiz.Questions.Select(q => q.Points), Is.All.EqualTo(0m));
    }

    [Test]
    public void FrenchCheckOne_MatchesTheEnglishOneQuestionForQuestion()
    {
        var english = Load("intro-labour-standards/assessments/check-1.md");
        var french = Load("intro-labour-standards/fr/assessments/check-1.md", "fr");

        Assert.That(french.Questions.Select(q => q.Type), Is.EqualTo(english.Questions.Select(q => q.Type)));
        Assert.That(french.Questions.Cast<ChoiceQuestion>().Select(q => q.Options.Select(o => o.Weight)),
            Is.EqualTo(english.Questions.Cast<ChoiceQuestion>().Select(q => q.Options.Select(o => o.Weight))));
        Assert.That(french.Questions[0].Id, Is.EqualTo("lequel-de-ces-textes-est-contraignant-une-fois"));
        Assert.That(french.Questions[2].Feedback, Does.StartWith("Chaque délégué vote individuellement"));
    }

    private static Quiz Load(string relativePath, string language = "en") =>
        QuizText.Clean(File.ReadAllText(Path.Combine(TestPaths.SamplePacks, relativePath)), Path.GetFileName(relativePath), language: language);
}
