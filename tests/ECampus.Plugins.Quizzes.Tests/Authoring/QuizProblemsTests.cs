using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Tests.Authoring;

/// <summary>Every syntax problem is reported with its code at its file position, with a hint; the corpus covers every code.</summary>
public class QuizProblemsTests
{
    [TestCaseSource(typeof(BrokenQuizzes), nameof(BrokenQuizzes.All))]
    public void BrokenQuiz_IsReportedAtItsFilePosition(string code, int line, int column, string text, string fileName, QuizSeverity severity)
    {
        var result = QuizText.Parse(text, fileName);

        var problem = result.Problems.FirstOrDefault(p => p.Code == code);
        Assert.That(problem, Is.Not.Null, $"expected {code}; got: {string.Join(" | ", result.Problems)}");
        Assert.That((problem!.Line, problem.Column), Is.EqualTo((line, column)), problem.ToString());
        Assert.That(problem.Severity, Is.EqualTo(severity));
        Assert.That(problem.Message, Is.Not.Empty);
        Assert.That(problem.Hint, Is.Not.Empty);
        Assert.That(result.Succeeded, Is.EqualTo(severity == QuizSeverity.Warning), "errors withhold the quiz, warnings do not");
    }

    [Test]
    public void EveryProblemCode_HasABrokenQuizInTheCorpus()
    {
        var covered = BrokenQuizzes.All().Select(c => (string)c.Arguments[0]!).ToHashSet();

        Assert.That(QuizProblemCodes.All.Keys.Where(code => !covered.Contains(code)), Is.Empty);
    }

    [Test]
    public void UnknownSetting_SuggestsTheClosestKey()
    {
        var problem = QuizText.Problems("---\ntitle: T\ntime-limt: 20m\n---\n\n## Q\n\n- [x] a\n- [ ] b\n").Single();

        Assert.That(problem.Hint, Is.EqualTo("Did you mean 'time-limit'?"));
    }

    [Test]
    public void UnknownType_SuggestsTheClosestType()
    {
        var problem = QuizText.Problems("---\ntitle: T\n---\n\n## Q {type=matchng}\n\n- a → b\n- c → d\n").First();

        Assert.That(problem.Hint, Is.EqualTo("Did you mean 'matching'?"));
    }

    [Test]
    public void DuplicateId_NamesTheLineOfTheFirstQuestion()
    {
        var problem = QuizText.Problems("---\ntitle: T\n---\n\n## Q {#same}\n\n- [x] a\n- [ ] b\n\n## Other {#same}\n\n- [x] a\n- [ ] b\n").Single();

        Assert.That(problem.Message, Does.Contain("line 5"));
        Assert.That(problem.Line, Is.EqualTo(10));
    }

    [Test]
    public void ProblemsInSeveralQuestions_AreAllReported_InFileOrder()
    {
        var problems = QuizText.Problems("---\ntitle: T\n---\n\n## One\n\n- [ ] a\n- [ ] b\n\n## Two {type=nonsense}\n\n- [x] a\n- [ ] b\n\n## Three\n\n- [x] a\n- [ ] b\n");

        Assert.That(problems.Select(p => (p.Line, p.Code)), Is.EqualTo(new[] { (5, QuizProblemCodes.NoCorrectOption), (10, QuizProblemCodes.UnknownType) }));
    }

    [Test]
    public void GiftInsideMarkdown_IsReportedAtTheFileLineInsideTheFence()
    {
        var problem = QuizText.Problems("---\ntitle: T\n---\n\n## GIFT\n\n```gift\n::q1:: Fine {T}\n\n::q2:: Broken {=a ~b\n```\n").Single();

        Assert.That((problem.Code, problem.Line, problem.Column), Is.EqualTo((QuizProblemCodes.UnbalancedBraces, 10, 15)));
    }

    [Test]
    public void OversizedFile_IsRefusedWithoutParsing()
    {
        var problem = QuizText.Problems(new string('a', QuizParser.MaxFileLength + 1)).Single();

        Assert.That(problem.Code, Is.EqualTo(QuizProblemCodes.TooComplex));
    }

    [Test]
    public void RunawayYamlBrackets_AreReportedInsteadOfOverflowingTheStack()
    {
        var problem = QuizText.Problems("---\ntitle: " + new string('[', 5000) + "\n---\n\n## Q\n\n- [x] a\n- [ ] b\n").Single();

        Assert.That((problem.Code, problem.Line), Is.EqualTo((QuizProblemCodes.TooComplex, 2)));
    }
}
