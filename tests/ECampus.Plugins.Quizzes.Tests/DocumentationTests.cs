using System.Text.RegularExpressions;
using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Tests;

/// <summary>docs/quizzes.md must keep up with the code: its examples parse cleanly and its code table is complete.</summary>
public partial class DocumentationTests
{
    private static readonly string Docs = File.ReadAllText(TestPaths.Docs);

    private static IEnumerable<TestCaseData> Examples(string language) =>
        Fence().Matches(Docs)
            .Where(m => m.Groups["language"].Value == language)
            .Select(m => new TestCaseData(m.Groups["body"].Value).SetArgDisplayNames($"line {Docs[..m.Index].Count(c => c == '\n') + 1}"));

    private static IEnumerable<TestCaseData> MarkdownExamples() => Examples("markdown");

    private static IEnumerable<TestCaseData> GiftExamples() => Examples("gift");

    [TestCaseSource(nameof(MarkdownExamples))]
    public void MarkdownExample_ParsesWithoutProblems(string example)
    {
        var result = QuizParser.Parse(example, "example.md");

        Assert.That(result.Problems.Select(p => p.ToString()), Is.Empty);
        Assert.That(result.Quiz!.Questions, Is.Not.Empty);
    }

    [TestCaseSource(nameof(GiftExamples))]
    public void GiftExample_ParsesWithoutProblems(string example)
    {
        var result = QuizParser.Parse(example, "example.gift");

        Assert.That(result.Problems.Select(p => p.ToString()), Is.Empty);
        Assert.That(result.Quiz!.Questions, Is.Not.Empty);
    }

    [Test]
    public void Docs_HaveExamplesOfEveryQuestionType()
    {
        var markdown = MarkdownExamples().SelectMany(c => QuizParser.Parse((string)c.Arguments[0]!, "example.md").Quiz!.Questions);
        var gift = GiftExamples().SelectMany(c => QuizParser.Parse((string)c.Arguments[0]!, "example.gift").Quiz!.Questions);

        var documented = markdown.Concat(gift).Select(q => q.Type).ToHashSet();

        Assert.That(Enum.GetValues<QuestionType>().Where(t => !documented.Contains(t)), Is.Empty);
        Assert.That(MarkdownExamples().Count(), Is.GreaterThanOrEqualTo(15));
    }

    [Test]
    public void EveryProblemCode_IsInTheTable()
    {
        var missing = QuizProblemCodes.All.Keys.Where(code => !Docs.Contains($"| {code} |", StringComparison.Ordinal));

        Assert.That(missing, Is.Empty, "codes missing from the table in docs/quizzes.md");
    }

    [Test]
    public void DocumentedCodes_AllExist()
    {
        var unknown = Code().Matches(Docs).Select(m => m.Value).Distinct().Where(code => !QuizProblemCodes.All.ContainsKey(code));

        Assert.That(unknown, Is.Empty, "docs/quizzes.md mentions codes that do not exist");
    }

    /// <summary>Fenced blocks; a four-backtick fence may hold a three-backtick one.</summary>
    [GeneratedRegex(@"^(?<fence>`{3,})(?<language>[a-z]+)\n(?<body>.*?)\n\k<fence>$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"QUIZ\d{3}")]
    private static partial Regex Code();
}
