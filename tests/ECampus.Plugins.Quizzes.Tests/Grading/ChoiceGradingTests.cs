using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;

namespace ECampus.Plugins.Quizzes.Tests.Grading;

/// <summary>Single choice, multiple choice and true/false: weights, penalties floored at zero, odd answers.</summary>
public class ChoiceGradingTests
{
    private static readonly ChoiceQuestion Agenda = QuizText.Question<ChoiceQuestion>("""
        ## Which organisation adopted the Decent Work Agenda? {type=single points=2}

        - [x] ILO
          > Correct.
        - [x] (50%) UNESCO
        - [ ] WTO
          > No: trade.
        - [ ] (-50%) Nobody

        > Four pillars.
        """);

    private static readonly ChoiceQuestion Core = QuizText.Question<ChoiceQuestion>("""
        ## Which are core labour standards?

        - [x] Freedom of association
          > Yes, C087 and C098.
        - [x] Abolition of forced labour
        - [ ] A minimum wage
          > Not a fundamental principle.
        """);

    private static readonly ChoiceQuestion ThreeCorrect = QuizText.Question<ChoiceQuestion>("""
        ## Which are ILO constituents?

        - [x] Governments
        - [x] Employers
        - [x] Workers
        - [ ] Banks
        """);

    private static readonly TrueFalseQuestion Dialogue = QuizText.Question<TrueFalseQuestion>("""
        ## Social dialogue is a pillar of decent work. {type=true-false}

        - [x] True
          > Right.
        - [ ] False
          > It is one of the four pillars.
        """);

    [Test]
    public void SingleChoice_RightOption_EarnsFullPoints_WithOptionThenGeneralFeedback()
    {
        var result = Grader.Grade(Agenda, new ChoiceAnswer(["a"]));

        Assert.That(result, Is.EqualTo(new QuestionResult(Agenda.Id, 2, 2, Outcome.Correct, result.Feedback)));
        Assert.That(result.Feedback, Is.EqualTo(new[] { "Correct.", "Four pillars." }));
    }

    [Test]
    public void SingleChoice_PartiallyRightOption_EarnsItsShare()
    {
        var result = Grader.Grade(Agenda, new ChoiceAnswer(["b"]));

        Assert.That((result.Score, result.Outcome), Is.EqualTo((1m, Outcome.Partial)));
    }

    [Test]
    public void SingleChoice_WrongOption_EarnsNothing_AndShowsItsFeedback()
    {
        var result = Grader.Grade(Agenda, new ChoiceAnswer(["c"]));

        Assert.That((result.Score, result.Outcome), Is.EqualTo((0m, Outcome.Wrong)));
        Assert.That(result.Feedback, Is.EqualTo(new[] { "No: trade.", "Four pillars." }));
    }

    [Test]
    public void SingleChoice_PenalisedOption_IsFlooredAtZero()
    {
        var result = Grader.Grade(Agenda, new ChoiceAnswer(["d"]));

        Assert.That((result.Score, result.Outcome), Is.EqualTo((0m, Outcome.Wrong)));
    }

    [Test]
    public void SingleChoice_TwoOptionsChosen_EarnsNothing()
    {
        var result = Grader.Grade(Agenda, new ChoiceAnswer(["a", "b"]));

        Assert.That(result.Score, Is.Zero);
    }

    [Test]
    public void SingleChoice_SameOptionTwice_CountsOnce()
    {
        var result = Grader.Grade(Agenda, new ChoiceAnswer(["a", "a"]));

        Assert.That(result.Outcome, Is.EqualTo(Outcome.Correct));
    }

    [Test]
    public void MultipleChoice_AllRightOptions_AreCorrect()
    {
        var result = Grader.Grade(Core, new ChoiceAnswer(["b", "a"]));

        Assert.That((result.Score, result.Outcome), Is.EqualTo((1m, Outcome.Correct)));
        Assert.That(result.Feedback, Is.EqualTo(new[] { "Yes, C087 and C098." }));
    }

    [Test]
    public void MultipleChoice_HalfTheRightOptions_EarnHalf()
    {
        var result = Grader.Grade(Core, new ChoiceAnswer(["b"]));

        Assert.That((result.Score, result.Outcome), Is.EqualTo((0.5m, Outcome.Partial)));
    }

    [Test]
    public void MultipleChoice_RightPlusWrong_GoesBelowZero_AndIsFlooredAtZero()
    {
        var result = Grader.Grade(Core, new ChoiceAnswer(["a", "c"]));

        Assert.That((result.Score, result.Outcome), Is.EqualTo((0m, Outcome.Wrong)));
        Assert.That(result.Feedback, Is.EqualTo(new[] { "Yes, C087 and C098.", "Not a fundamental principle." }));
    }

    [Test]
    public void MultipleChoice_TickingEverything_EarnsNothing()
    {
        Assert.That(Grader.Grade(Core, new ChoiceAnswer(["a", "b", "c"])).Score, Is.Zero);
    }

    [Test]
    public void MultipleChoice_RepeatingARightOption_CannotDoubleItsCredit()
    {
        var result = Grader.Grade(Core, new ChoiceAnswer(["a", "a"]));

        Assert.That(result.Score, Is.EqualTo(0.5m));
    }

    [Test]
    public void MultipleChoice_ThreeThirds_AddUpToExactlyFullPoints()
    {
        var all = Grader.Grade(ThreeCorrect, new ChoiceAnswer(["a", "b", "c"]));
        var two = Grader.Grade(ThreeCorrect, new ChoiceAnswer(["a", "b"]));

        Assert.That((all.Score, all.Outcome), Is.EqualTo((1m, Outcome.Correct)));
        Assert.That(two.Score, Is.EqualTo(0.6667m));
    }

    [Test]
    public void BlankAnswer_EarnsNothing_WithoutAnException()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Grader.Grade(Core, null).Score, Is.Zero);
            Assert.That(Grader.Grade(Core, new ChoiceAnswer([])).Outcome, Is.EqualTo(Outcome.Wrong));
            Assert.That(Grader.Grade(Core, new ChoiceAnswer(null!)).Outcome, Is.EqualTo(Outcome.Wrong));
            Assert.That(Grader.Grade(Agenda, null).Feedback, Is.EqualTo(new[] { "Four pillars." }));
        });
    }

    [Test]
    public void UnknownOptionId_MakesTheAnswerWorthNothing_EvenBesideARightOne()
    {
        Assert.That(Grader.Grade(Agenda, new ChoiceAnswer(["z"])).Score, Is.Zero);
        Assert.That(Grader.Grade(Core, new ChoiceAnswer(["a", "b", "z"])).Score, Is.Zero);
    }

    [Test]
    public void AnswerOfTheWrongKind_EarnsNothing()
    {
        Assert.That(Grader.Grade(Agenda, new TextAnswer("a")).Outcome, Is.EqualTo(Outcome.Wrong));
    }

    [Test]
    public void TrueFalse_RightAndWrongAnswers_GetTheFeedbackOfTheChoiceMade()
    {
        var right = Grader.Grade(Dialogue, new ChoiceAnswer([TrueFalseQuestion.TrueId]));
        var wrong = Grader.Grade(Dialogue, new ChoiceAnswer([TrueFalseQuestion.FalseId]));

        Assert.That((right.Outcome, right.Feedback.Single()), Is.EqualTo((Outcome.Correct, "Right.")));
        Assert.That((wrong.Outcome, wrong.Score, wrong.Feedback.Single()), Is.EqualTo((Outcome.Wrong, 0m, "It is one of the four pillars.")));
        Assert.That(Grader.Grade(Dialogue, new ChoiceAnswer(["true", "false"])).Score, Is.Zero);
    }

    [Test]
    public void SurveyQuestions_AreRecordedWithoutScore()
    {
        var survey = QuizText.Clean(Examples.NotGiftExpressible);

        var poll = Grader.Grade(survey.Find("heard")!, new ChoiceAnswer(["a"]));
        var likert = Grader.Grade(survey.Find("useful")!, new ScaleAnswer(4));
        var text = Grader.Grade(survey.Find("improve")!, new TextAnswer("More examples"));

        Assert.That(new[] { poll, likert, text }.Select(r => (r.Score, r.MaxPoints, r.Outcome)), Is.All.EqualTo((0m, 0m, Outcome.Recorded)));
    }
}
