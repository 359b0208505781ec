using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;

namespace ECampus.Plugins.Quizzes.Tests.Grading;

/// <summary>Matching earns a share per right pair; ordering earns credit for the longest run in the right relative order.</summary>
public class MatchingAndOrderingGradingTests
{
    private static readonly MatchingQuestion Conventions = QuizText.Question<MatchingQuestion>("""
        ## Match each convention to its topic {type=matching points=3}

        - C138 → minimum age
        - C182 → worst forms of child labour
        - C111 → discrimination
        """);

    private static readonly OrderingQuestion Cycle = QuizText.Question<OrderingQuestion>("""
        ## Put the stages in order {type=ordering}

        1. Agenda setting
        2. Formulation
        3. Decision
        4. Implementation
        5. Evaluation
        """);

    [Test]
    public void MatchingChoices_AreTheDistinctAnswersInAlphabeticalOrder_NumberedFromOne()
    {
        Assert.That(Conventions.Choices(), Is.EqualTo(new[]
        {
            new MatchChoice("1", "discrimination"), new MatchChoice("2", "minimum age"), new MatchChoice("3", "worst forms of child labour"),
        }));
    }

    [Test]
    public void Matching_AllPairsRight_IsCorrect()
    {
        var result = Grader.Grade(Conventions, Matches(("a", "2"), ("b", "3"), ("c", "1")));

        Assert.That((result.Score, result.Outcome), Is.EqualTo((3m, Outcome.Correct)));
    }

    [Test]
    public void Matching_EachRightPairEarnsItsShare_MissingPairsCountAsWrong()
    {
        var twoRight = Grader.Grade(Conventions, Matches(("a", "2"), ("b", "3"), ("c", "2")));
        var oneGiven = Grader.Grade(Conventions, Matches(("a", "2")));

        Assert.That((twoRight.Score, twoRight.Outcome), Is.EqualTo((2m, Outcome.Partial)));
        Assert.That((oneGiven.Score, oneGiven.Outcome), Is.EqualTo((1m, Outcome.Partial)));
        Assert.That(Grader.Grade(Conventions, Matches()).Outcome, Is.EqualTo(Outcome.Wrong));
    }

    [Test]
    public void Matching_TwoPromptsWithTheSameAnswer_BothMatchThatOneChoice()
    {
        var question = QuizText.Question<MatchingQuestion>("## Continent? {type=matching}\n\n- France → Europe\n- Spain → Europe\n- Chile → America\n");

        Assert.That(question.Choices().Select(c => c.Text), Is.EqualTo(new[] { "America", "Europe" }));
        Assert.That(Grader.Grade(question, Matches(("a", "2"), ("b", "2"), ("c", "1"))).Outcome, Is.EqualTo(Outcome.Correct));
    }

    [Test]
    public void Matching_UnknownPromptOrChoice_MakesTheAnswerWorthNothing()
    {
        Assert.That(Grader.Grade(Conventions, Matches(("a", "2"), ("z", "1"))).Score, Is.Zero);
        Assert.That(Grader.Grade(Conventions, Matches(("a", "2"), ("b", "9"))).Score, Is.Zero);
    }

    [Test]
    public void Ordering_RightOrder_IsCorrect()
    {
        var result = Grader.Grade(Cycle, Order(0, 1, 2, 3, 4));

        Assert.That((result.Score, result.Outcome), Is.EqualTo((1m, Outcome.Correct)));
    }

    [TestCase(new[] { 1, 2, 3, 4, 0 }, 0.75, Outcome.Partial)]
    [TestCase(new[] { 0, 2, 1, 3, 4 }, 0.75, Outcome.Partial)]
    [TestCase(new[] { 1, 0, 3, 2, 4 }, 0.5, Outcome.Partial)]
    [TestCase(new[] { 4, 3, 2, 1, 0 }, 0, Outcome.Wrong)]
    public void Ordering_CreditIsTheLongestRunInRightRelativeOrder_LessOne_OverItemsLessOne(int[] order, double score, Outcome outcome)
    {
        var result = Grader.Grade(Cycle, Order(order));

        Assert.That((result.Score, result.Outcome), Is.EqualTo(((decimal)score, outcome)));
    }

    [Test]
    public void Ordering_BlankOrTamperedAnswers_EarnNothing_AndRepeatsCountOnce()
    {
        var ids = Cycle.Items.Select(i => i.Id).ToArray();

        Assert.That(Grader.Grade(Cycle, null).Outcome, Is.EqualTo(Outcome.Wrong));
        Assert.That(Grader.Grade(Cycle, new OrderingAnswer([ids[0], "nope", ids[1]])).Score, Is.Zero);
        Assert.That(Grader.Grade(Cycle, new OrderingAnswer([ids[0], ids[0], ids[1], ids[2], ids[3], ids[4]])).Outcome, Is.EqualTo(Outcome.Correct));
    }

    private static MatchingAnswer Matches(params (string Prompt, string Choice)[] pairs) =>
        new(pairs.ToDictionary(p => p.Prompt, p => p.Choice));

    private static OrderingAnswer Order(params int[] positions) => new(positions.Select(i => Cycle.Items[i].Id).ToArray());
}
