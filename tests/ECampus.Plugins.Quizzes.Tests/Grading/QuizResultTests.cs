using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;

namespace ECampus.Plugins.Quizzes.Tests.Grading;

/// <summary>Totals of an attempt: score, maximum, percent and pass against the pass mark.</summary>
public class QuizResultTests
{
    private static readonly Quiz Final = QuizText.Clean("""
        ---
        title: Final
        pass-mark: 60
        ---

        ## One {#one}

        - [x] a
        - [ ] b

        ## Two {#two points=2}

        - [x] a
        - [x] b
        - [ ] c

        ## Three {#three points=2}

        Answer: 3
        """);

    [Test]
    public void GradingAWholeAttempt_AddsUpTheQuestions_AndBlankQuestionsCountZero()
    {
        var result = Grader.Grade(Final, new Dictionary<string, Answer> { ["one"] = new ChoiceAnswer(["a"]), ["two"] = new ChoiceAnswer(["a"]) });

        Assert.That(result.Questions.Select(q => q.QuestionId), Is.EqualTo(new[] { "one", "two", "three" }));
        Assert.That((result.Score, result.MaxPoints, result.Percent), Is.EqualTo((2m, 5m, 40m)));
        Assert.That(result.Passed, Is.False);
    }

    [Test]
    public void ReachingThePassMarkExactly_Passes()
    {
        var result = Grader.Grade(Final, new Dictionary<string, Answer> { ["one"] = new ChoiceAnswer(["a"]), ["three"] = new NumberAnswer(3) });

        Assert.That((result.Percent, result.Passed), Is.EqualTo((60m, true)));
    }

    [Test]
    public void JustBelowThePassMark_FailsEvenWhenThePercentRoundsUpToIt()
    {
        var results = new[] { new QuestionResult("a", 59.996m, 100, Outcome.Partial, []) };

        var result = new QuizResult(results, 60);

        Assert.That((result.Percent, result.Passed), Is.EqualTo((60m, false)));
    }

    [Test]
    public void PendingEssay_LeavesPassedOpen_UntilATutorGradesIt()
    {
        var quiz = QuizText.Clean("---\ntitle: T\npass-mark: 50\n---\n\n## Pick {#pick}\n\n- [x] a\n- [ ] b\n\n## Explain {#explain type=essay}\n");
        var essay = quiz.Find("explain")!;

        var submitted = Grader.Grade(quiz, new Dictionary<string, Answer> { ["pick"] = new ChoiceAnswer(["b"]), ["explain"] = new TextAnswer("Because.") });
        var graded = submitted.With(Grader.GradeManually(essay, 1));

        Assert.That((submitted.Pending, submitted.Passed), Is.EqualTo((true, (bool?)null)));
        Assert.That((graded.Pending, graded.Passed, graded.Percent), Is.EqualTo((false, (bool?)true, 50m)));
    }

    [Test]
    public void QuizWithoutPassMark_HasNoPassedVerdict()
    {
        var quiz = QuizText.Clean("---\ntitle: T\n---\n\n## Pick\n\n- [x] a\n- [ ] b\n");

        Assert.That(Grader.Grade(quiz, new Dictionary<string, Answer>()).Passed, Is.Null);
    }

    [Test]
    public void Survey_HasNothingToScore_SoItsTotalsAreZero()
    {
        var survey = QuizText.Clean(Examples.NotGiftExpressible);

        var result = Grader.Grade(survey, new Dictionary<string, Answer> { ["useful"] = new ScaleAnswer(5) });

        Assert.That((result.Score, result.MaxPoints, result.Percent, result.Passed), Is.EqualTo((0m, 0m, 0m, (bool?)null)));
        Assert.That(result.Questions.Select(q => q.Counts), Is.All.False);
    }
}
