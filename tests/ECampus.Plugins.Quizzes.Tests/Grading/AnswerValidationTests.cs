using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;

namespace ECampus.Plugins.Quizzes.Tests.Grading;

/// <summary>What the engine must refuse to store: answers that do not fit the question or name ids it does not have.</summary>
public class AnswerValidationTests
{
    private static readonly Quiz Quiz = QuizText.Clean(Examples.GiftExpressible);

    private static readonly Quiz Survey = QuizText.Clean(Examples.NotGiftExpressible);

    [Test]
    public void FittingAnswers_AreValid()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AnswerValidation.Check(Quiz.Find("agenda")!, new ChoiceAnswer(["a"])), Is.Empty);
            Assert.That(AnswerValidation.Check(Quiz.Find("core")!, new ChoiceAnswer(["a", "c"])), Is.Empty);
            Assert.That(AnswerValidation.Check(Quiz.Find("dialogue")!, new ChoiceAnswer(["false"])), Is.Empty);
            Assert.That(AnswerValidation.Check(Quiz.Find("city")!, new TextAnswer("Geneva")), Is.Empty);
            Assert.That(AnswerValidation.Check(Quiz.Find("founded")!, new NumberAnswer(1919)), Is.Empty);
            Assert.That(AnswerValidation.Check(Quiz.Find("founded")!, new TextAnswer("1919,5")), Is.Empty);
            Assert.That(AnswerValidation.Check(Quiz.Find("conventions")!, new MatchingAnswer(new Dictionary<string, string> { ["a"] = "2" })), Is.Empty);
            Assert.That(AnswerValidation.Check(Quiz.Find("deficit")!, new TextAnswer("An essay.")), Is.Empty);
            Assert.That(AnswerValidation.Check(Survey.Find("useful")!, new ScaleAnswer(5)), Is.Empty);
            Assert.That(AnswerValidation.Check(Survey.Find("heard")!, new ChoiceAnswer(["b"])), Is.Empty);
        });
    }

    [Test]
    public void BlankAnswers_AreValid_BecauseLearnersMaySkipQuestions()
    {
        Assert.That(AnswerValidation.IsValid(Quiz.Find("agenda")!, new ChoiceAnswer([])), Is.True);
        Assert.That(AnswerValidation.IsValid(Quiz.Find("city")!, new TextAnswer("")), Is.True);
        Assert.That(AnswerValidation.IsValid(Survey.Find("stages")!, new OrderingAnswer([])), Is.True);
    }

    [Test]
    public void UnknownOptionId_IsRejected()
    {
        Assert.That(AnswerValidation.Check(Quiz.Find("agenda")!, new ChoiceAnswer(["z"])), Is.EqualTo(new[] { "There is no option 'z'." }));
        Assert.That(AnswerValidation.IsValid(Quiz.Find("dialogue")!, new ChoiceAnswer(["yes"])), Is.False);
    }

    [Test]
    public void RepeatedOptionId_IsRejected()
    {
        Assert.That(AnswerValidation.Check(Quiz.Find("core")!, new ChoiceAnswer(["a", "a"])), Is.EqualTo(new[] { "Option 'a' is chosen more than once." }));
    }

    [Test]
    public void SeveralOptionsForASingleChoice_AreRejected()
    {
        Assert.That(AnswerValidation.Check(Quiz.Find("agenda")!, new ChoiceAnswer(["a", "b"])), Is.EqualTo(new[] { "Choose only one option." }));
        Assert.That(AnswerValidation.IsValid(Quiz.Find("dialogue")!, new ChoiceAnswer(["true", "false"])), Is.False);
    }

    [Test]
    public void AnswerOfTheWrongKind_IsRejected()
    {
        Assert.That(AnswerValidation.Check(Quiz.Find("agenda")!, new TextAnswer("ILO")), Is.EqualTo(new[] { "This answer does not fit the question." }));
        Assert.That(AnswerValidation.IsValid(Quiz.Find("part-two")!, new TextAnswer("hello")), Is.False, "a description takes no answer");
    }

    [Test]
    public void TextThatIsNotANumber_IsRejectedForANumericQuestion()
    {
        Assert.That(AnswerValidation.Check(Quiz.Find("founded")!, new TextAnswer("nineteen")), Is.EqualTo(new[] { "'nineteen' is not a number." }));
    }

    [Test]
    public void OverlongText_IsRejected()
    {
        Assert.That(AnswerValidation.IsValid(Quiz.Find("deficit")!, new TextAnswer(new string('x', AnswerValidation.MaxTextLength + 1))), Is.False);
    }

    [TestCase(0)]
    [TestCase(6)]
    public void LikertPointOutsideTheScale_IsRejected(int point)
    {
        Assert.That(AnswerValidation.Check(Survey.Find("useful")!, new ScaleAnswer(point)), Is.EqualTo(new[] { "Choose a point from 1 to 5." }));
    }

    [Test]
    public void MatchingWithUnknownPromptOrChoice_IsRejected()
    {
        var problems = AnswerValidation.Check(Quiz.Find("conventions")!, new MatchingAnswer(new Dictionary<string, string> { ["z"] = "1", ["a"] = "9" }));

        Assert.That(problems, Is.EqualTo(new[] { "There is no prompt 'z'.", "There is no answer '9' to match." }));
    }

    [Test]
    public void OrderingMustPlaceEveryItemOnce()
    {
        var ordering = (OrderingQuestion)Survey.Find("stages")!;
        var ids = ordering.Items.Select(i => i.Id).ToArray();

        Assert.That(AnswerValidation.Check(ordering, new OrderingAnswer([ids[0], ids[1]])), Is.EqualTo(new[] { "Put every item in order." }));
        Assert.That(AnswerValidation.Check(ordering, new OrderingAnswer([ids[0], ids[0], ids[1]])), Is.EqualTo(new[] { $"Item '{ids[0]}' is placed more than once." }));
        Assert.That(AnswerValidation.Check(ordering, new OrderingAnswer([ids[0], ids[1], "x"])), Is.EqualTo(new[] { "There is no item 'x'." }));
        Assert.That(AnswerValidation.Check(ordering, new OrderingAnswer([ids[2], ids[0], ids[1]])), Is.Empty);
    }
}
