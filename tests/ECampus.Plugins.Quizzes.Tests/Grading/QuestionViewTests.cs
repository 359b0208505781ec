using System.Text.Json;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;

namespace ECampus.Plugins.Quizzes.Tests.Grading;

/// <summary>The learner-facing form of a question carries nothing that gives the answer away.</summary>
public class QuestionViewTests
{
    private static readonly Quiz Quiz = QuizText.Clean(Examples.GiftExpressible);

    [Test]
    public void ViewsOfEveryType_CarryNoWeightFeedbackOrKey()
    {
        var questions = Quiz.Questions.Concat(QuizText.Clean(Examples.NotGiftExpressible).Questions);

        foreach (var question in questions)
        {
            var json = JsonSerializer.Serialize(QuestionView.For(question), QuizJson.Options);
            using var document = JsonDocument.Parse(json);

            var names = document.RootElement.EnumerateObject().Select(p => p.Name);
            Assert.That(names, Is.SubsetOf(new[] { "id", "type", "text", "format", "points", "allowsSeveral", "options", "prompts" }), question.Id);
            Assert.That(json, Does.Not.Contain("Correct:").And.Not.Contain("It is in Geneva").And.Not.Contain("weight").And.Not.Contain("Right."), question.Id);
        }
    }

    [Test]
    public void MatchingView_HidesWhichAnswerBelongsToWhichPrompt()
    {
        var view = QuestionView.For(Quiz.Find("conventions")!);

        Assert.That(view.Prompts.Select(p => p.Text), Is.EqualTo(new[] { "C138", "C182", "C111" }));
        Assert.That(view.Options.Select(o => o.Text), Is.EqualTo(new[] { "discrimination", "minimum age", "worst forms of child labour" }));
        Assert.That(view.Options.Select(o => o.Id), Is.Not.EqualTo(view.Prompts.Select(p => p.Id)));
    }

    [Test]
    public void ChoiceView_SaysWhetherSeveralOptionsMayBeChosen_ButNotWhichAreRight()
    {
        var single = QuestionView.For(Quiz.Find("agenda")!);
        var multiple = QuestionView.For(Quiz.Find("core")!);

        Assert.That((single.AllowsSeveral, multiple.AllowsSeveral), Is.EqualTo((false, true)));
        Assert.That(single.Options, Is.EqualTo(new[] { new ViewOption("a", "ILO"), new ViewOption("b", "UNESCO"), new ViewOption("c", "WTO") }));
        Assert.That(single.Type, Is.EqualTo(QuestionType.SingleChoice));
        Assert.That(single.Text, Does.StartWith("Which organisation adopted"));
    }

    [Test]
    public void TrueFalseView_OffersTrueAndFalseWithTheQuizLabels()
    {
        var view = QuestionView.For(Quiz.Find("dialogue")!);

        Assert.That(view.Options, Is.EqualTo(new[] { new ViewOption("true", "True"), new ViewOption("false", "False") }));
    }

    [Test]
    public void LikertView_OffersItsPointsNumberedFromOne()
    {
        var view = QuestionView.For(QuizText.Clean(Examples.NotGiftExpressible).Find("useful")!);

        Assert.That(view.Options.Select(o => o.Id), Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
        Assert.That(view.Options[4].Text, Is.EqualTo("Strongly agree"));
    }

    [Test]
    public void OrderingView_NeverShowsTheItemsInTheRightOrder()
    {
        var question = QuizText.Question<OrderingQuestion>("## Order {type=ordering}\n\n1. First\n2. Second\n");

        var view = QuestionView.For(question);

        Assert.That(view.Options.Select(o => o.Text), Is.EqualTo(new[] { "Second", "First" }));
    }

    [Test]
    public void TextAndNumberViews_HaveNoOptions()
    {
        Assert.That(QuestionView.For(Quiz.Find("city")!).Options, Is.Empty);
        Assert.That(QuestionView.For(Quiz.Find("pi")!).Options, Is.Empty);
    }
}
