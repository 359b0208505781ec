using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Tests.Authoring;

/// <summary>Question and option ids: explicit, or derived from the text so that moving questions keeps them.</summary>
public class QuestionIdsTests
{
    [TestCase("## Which of these is **binding** once ratified?", "which-of-these-is-binding-once-ratified")]
    [TestCase("## Quelle majorité faut-il ?", "quelle-majorite-faut-il")]
    [TestCase("## ¿Cuántos delegados envía un Estado?", "cuantos-delegados-envia-un-estado")]
    [TestCase("## C# basics ##", "c-basics")]
    public void DerivedId_IsASlugOfTheHeading(string heading, string id)
    {
        var quiz = QuizText.Clean($"{heading}\n\n- [x] a\n- [ ] b\n");

        Assert.That(quiz.Questions.Single().Id, Is.EqualTo(id));
    }

    [Test]
    public void DerivedId_IsCutAtAWordBoundaryWithin48Characters()
    {
        var quiz = QuizText.Clean("## Which of the following bodies of independent jurists examines the reports that governments send?\n\n- [x] a\n- [ ] b\n");

        Assert.That(quiz.Questions.Single().Id, Is.EqualTo("which-of-the-following-bodies-of-independent"));
    }

    [Test]
    public void MovingQuestions_KeepsTheirDerivedIds()
    {
        const string first = "## First question\n\n- [x] a\n- [ ] b\n\n";
        const string second = "## Second question\n\n- [x] a\n- [ ] b\n\n";

        var before = QuizText.Clean(first + second).Questions.Select(q => q.Id);
        var after = QuizText.Clean(second + first).Questions.Select(q => q.Id);

        Assert.That(after, Is.EquivalentTo(before));
        Assert.That(after, Is.EqualTo(new[] { "second-question", "first-question" }));
    }

    [Test]
    public void SetextHeading_IsAQuestionToo()
    {
        var quiz = QuizText.Clean("Is this a question?\n---\n\n- [x] Yes\n- [ ] No\n");

        Assert.That(quiz.Questions.Single().Id, Is.EqualTo("is-this-a-question"));
    }

    [Test]
    public void OptionsPastZ_AreLetteredAaAb()
    {
        var options = string.Join("\n", Enumerable.Range(1, 28).Select(i => i == 1 ? "- [x] o1" : $"- [ ] o{i}"));

        var question = QuizText.Question<ChoiceQuestion>($"## Many\n\n{options}\n");

        Assert.That(question.Options.Skip(25).Select(o => o.Id), Is.EqualTo(new[] { "z", "aa", "ab" }));
    }

    [Test]
    public void OptionTextOverSeveralLines_IsKept_AndAUnicodeMinusIsAPenalty()
    {
        var question = QuizText.Question<ChoiceQuestion>("## Pick\n\n- [x] First line\n  second line\n- [x] Right too\n- [ ] (−40%) Wrong\n- [ ] Also wrong\n");

        Assert.That(question.Options[0].Text, Is.EqualTo("First line\nsecond line"));
        Assert.That(question.Options.Select(o => o.Weight), Is.EqualTo(new[] { 50m, 50m, -40m, 0m }));
    }
}
