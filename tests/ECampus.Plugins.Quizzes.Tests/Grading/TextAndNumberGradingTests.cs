using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;

namespace ECampus.Plugins.Quizzes.Tests.Grading;

/// <summary>Short answers (case, whitespace, Unicode) and numbers (decimal tolerance boundaries, ranges, weights).</summary>
public class TextAndNumberGradingTests
{
    private static readonly ShortAnswerQuestion City = QuizText.Question<ShortAnswerQuestion>("""
        ## In which city is the ILO?

        Answers:

        - Geneva
          > Right.
        - New York
        - (50%) Switzerland
        - *
          > It is in Geneva.
        """);

    private static readonly ShortAnswerQuestion Code = QuizText.Question<ShortAnswerQuestion>("## Forced labour convention? {case-sensitive}\n\nAnswer: C029\n");

    private static readonly NumericQuestion Answer42 = QuizText.Question<NumericQuestion>("""
        ## The answer?

        Answers:

        - 42 ± 0.5
        - (50%) 40..45
          > Close.
        - *
          > Far off.
        """);

    [TestCase("Geneva")]
    [TestCase("geneva")]
    [TestCase("GENEVA")]
    [TestCase("  Geneva \n")]
    public void ShortAnswer_IgnoresCaseAndSurroundingWhitespace(string typed)
    {
        var result = Grader.Grade(City, new TextAnswer(typed));

        Assert.That((result.Outcome, result.Feedback.Single()), Is.EqualTo((Outcome.Correct, "Right.")));
    }

    [Test]
    public void ShortAnswer_TreatsAnyRunOfWhitespaceInsideAsOneSpace()
    {
        Assert.That(Grader.Grade(City, new TextAnswer("new \t  york")).Outcome, Is.EqualTo(Outcome.Correct));
        Assert.That(Grader.Grade(City, new TextAnswer("newyork")).Outcome, Is.EqualTo(Outcome.Wrong));
    }

    [Test]
    public void ShortAnswer_MatchesComposedAndDecomposedAccentsAlike()
    {
        var question = QuizText.Question<ShortAnswerQuestion>("## Ville ?\n\nRéponse : Genève\n");

        Assert.That(Grader.Grade(question, new TextAnswer("Gene\u0300ve")).Outcome, Is.EqualTo(Outcome.Correct));
    }

    [Test]
    public void ShortAnswer_CaseSensitive_RejectsOtherCase()
    {
        Assert.That(Grader.Grade(Code, new TextAnswer("C029")).Outcome, Is.EqualTo(Outcome.Correct));
        Assert.That(Grader.Grade(Code, new TextAnswer("c029")).Outcome, Is.EqualTo(Outcome.Wrong));
    }

    [Test]
    public void ShortAnswer_WeightedAnswer_EarnsItsShare()
    {
        var result = Grader.Grade(City, new TextAnswer("switzerland"));

        Assert.That((result.Score, result.Outcome), Is.EqualTo((0.5m, Outcome.Partial)));
    }

    [Test]
    public void ShortAnswer_NoMatch_GetsTheOtherwiseFeedback()
    {
        var result = Grader.Grade(City, new TextAnswer("Paris"));

        Assert.That((result.Score, result.Feedback.Single()), Is.EqualTo((0m, "It is in Geneva.")));
    }

    [Test]
    public void ShortAnswer_BlankOrMissingText_EarnsNothingWithoutException()
    {
        Assert.That(Grader.Grade(City, new TextAnswer("   ")).Outcome, Is.EqualTo(Outcome.Wrong));
        Assert.That(Grader.Grade(City, new TextAnswer(null!)).Outcome, Is.EqualTo(Outcome.Wrong));
        Assert.That(Grader.Grade(City, null).Feedback, Is.Empty, "a blank answer is not 'any other answer'");
    }

    [TestCase("41.5", Outcome.Correct)]
    [TestCase("42.5", Outcome.Correct)]
    [TestCase("42", Outcome.Correct)]
    [TestCase("41.4999999999", Outcome.Partial)]
    [TestCase("42.5000000001", Outcome.Partial)]
    [TestCase("40", Outcome.Partial)]
    [TestCase("45", Outcome.Partial)]
    [TestCase("39.9999999999", Outcome.Wrong)]
    [TestCase("45.0000000001", Outcome.Wrong)]
    public void Numeric_ToleranceAndRangeBoundsAreInclusiveAndExact(string typed, Outcome outcome)
    {
        var value = decimal.Parse(typed, System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(Grader.Grade(Answer42, new NumberAnswer(value)).Outcome, Is.EqualTo(outcome));
    }

    [Test]
    public void Numeric_DecimalArithmetic_HasNoFloatingPointSurprises()
    {
        var question = QuizText.Question<NumericQuestion>("## 0.1 + 0.2?\n\nAnswer: 0.3\n");

        Assert.That(Grader.Grade(question, new NumberAnswer(0.1m + 0.2m)).Outcome, Is.EqualTo(Outcome.Correct));
    }

    [Test]
    public void Numeric_OverlappingRanges_TheBestWeightCounts_WithItsFeedback()
    {
        var inBoth = Grader.Grade(Answer42, new NumberAnswer(42.2m));
        var onlyWide = Grader.Grade(Answer42, new NumberAnswer(44));

        Assert.That((inBoth.Score, inBoth.Feedback), Is.EqualTo((1m, Array.Empty<string>())));
        Assert.That((onlyWide.Score, onlyWide.Feedback.Single()), Is.EqualTo((0.5m, "Close.")));
        Assert.That(Grader.Grade(Answer42, new NumberAnswer(100)).Feedback.Single(), Is.EqualTo("Far off."));
    }

    [TestCase("42.2", Outcome.Correct)]
    [TestCase("42,2", Outcome.Correct)]
    [TestCase(" 42 ", Outcome.Correct)]
    [TestCase("forty-two", Outcome.Wrong)]
    [TestCase("4,2,0", Outcome.Wrong)]
    [TestCase("", Outcome.Wrong)]
    public void Numeric_TypedTextIsReadWithADecimalPointOrASingleDecimalComma(string typed, Outcome outcome)
    {
        Assert.That(Grader.Grade(Answer42, new TextAnswer(typed)).Outcome, Is.EqualTo(outcome));
    }

    [Test]
    public void Essay_WithText_WaitsForATutor_AndBlankEssaysEarnNothing()
    {
        var essay = QuizText.Question<EssayQuestion>("## Describe a deficit {type=essay points=5}\n");

        var written = Grader.Grade(essay, new TextAnswer("Informality is high."));
        var blank = Grader.Grade(essay, new TextAnswer(" "));

        Assert.That((written.Score, written.MaxPoints, written.Outcome), Is.EqualTo((0m, 5m, Outcome.Ungraded)));
        Assert.That((blank.Score, blank.Outcome), Is.EqualTo((0m, Outcome.Wrong)));
    }

    [Test]
    public void Essay_GradedByATutor_GetsTheirScoreAndComment()
    {
        var essay = QuizText.Question<EssayQuestion>("## Describe a deficit {type=essay points=5}\n");

        var result = Grader.GradeManually(essay, 3.5m, "Good example; cite a source.");

        Assert.That(result, Is.EqualTo(new QuestionResult(essay.Id, 3.5m, 5, Outcome.Partial, result.Feedback)));
        Assert.That(result.Feedback.Single(), Is.EqualTo("Good example; cite a source."));
        Assert.That(() => Grader.GradeManually(essay, 6), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => Grader.GradeManually(City, 1), Throws.ArgumentException, "automatic questions are not graded by hand");
    }
}
