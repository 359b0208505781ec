using System.Text.Json;
using ECampus.Plugins.Quizzes.Authoring;
using ECampus.Plugins.Quizzes.Grading;

namespace ECampus.Plugins.Quizzes.Tests.Authoring;

/// <summary>An attempt stores its questions as JSON and is graded from them later, without the pack.</summary>
public class QuizJsonTests
{
    [Test]
    public void QuizOfEveryType_SurvivesAJsonRoundTrip()
    {
        foreach (var text in new[] { Examples.GiftExpressible, Examples.NotGiftExpressible })
        {
            var quiz = QuizText.Clean(text);

            var json = QuizJson.Serialize(quiz);
            var back = QuizJson.DeserializeQuiz(json);

            Assert.That(QuizJson.Serialize(back), Is.EqualTo(json));
            Assert.That(back.Questions.Select(q => q.GetType()), Is.EqualTo(quiz.Questions.Select(q => q.GetType())));
            Assert.That(back.Settings, Is.EqualTo(quiz.Settings));
        }
    }

    [Test]
    public void Question_IsTaggedWithItsType_AndGradesTheSameAfterDeserialising()
    {
        var question = QuizText.Clean(Examples.GiftExpressible).Find("core")!;
        var answer = new ChoiceAnswer(["a", "b", "d"]);

        var json = QuizJson.Serialize(question);
        var back = QuizJson.DeserializeQuestion(json);

        Assert.That(json, Does.StartWith("{\"type\":\"choice\""));
        Assert.That(Grader.Grade(back, answer), Is.EqualTo(Grader.Grade(question, answer)).Using<QuestionResult>(SameResult));
    }

    [Test]
    public void Dates_KeepTheirSort_ThroughJson()
    {
        var quiz = QuizText.Clean("---\ntitle: T\nopens: 2026-09-07T08:00:00Z\ncloses: start + 14d\n---\n\n## Q\n\n- [x] a\n- [ ] b\n");

        var back = QuizJson.DeserializeQuiz(QuizJson.Serialize(quiz));

        Assert.That(back.Settings.Opens, Is.EqualTo(quiz.Settings.Opens));
        Assert.That(back.Settings.Closes, Is.EqualTo(QuizDate.FromStart(TimeSpan.FromDays(14))));
    }

    [TestCase("{\"type\":\"choice\",\"optionIds\":[\"a\",\"c\"]}")]
    [TestCase("{\"type\":\"text\",\"text\":\"Geneva\"}")]
    [TestCase("{\"type\":\"number\",\"value\":3.14}")]
    [TestCase("{\"type\":\"matching\",\"matches\":{\"a\":\"2\"}}")]
    [TestCase("{\"type\":\"ordering\",\"itemIds\":[\"i1\",\"i2\"]}")]
    [TestCase("{\"type\":\"scale\",\"value\":4}")]
    public void Answer_ReadsFromTheJsonAClientPosts_AndWritesItBackTheSame(string json)
    {
        var answer = QuizJson.DeserializeAnswer(json);

        Assert.That(QuizJson.Serialize(answer), Is.EqualTo(json));
    }

    [Test]
    public void UnknownAnswerType_IsAJsonException_NotACrashLater()
    {
        Assert.That(() => QuizJson.DeserializeAnswer("{\"type\":\"telepathy\"}"), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void QuizResult_SerialisesItsTotals()
    {
        var result = new QuizResult([new QuestionResult("q1", 1, 2, Outcome.Partial, ["Half."])], 40);

        var json = JsonSerializer.Serialize(result, QuizJson.Options);

        Assert.That(json, Does.Contain("\"percent\":50").And.Contain("\"passed\":true").And.Contain("\"outcome\":\"Partial\""));
    }

    private static bool SameResult(QuestionResult a, QuestionResult b) =>
        a.QuestionId == b.QuestionId && a.Score == b.Score && a.MaxPoints == b.MaxPoints && a.Outcome == b.Outcome && a.Feedback.SequenceEqual(b.Feedback);
}
