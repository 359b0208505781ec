using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Tests;

/// <summary>Parses quiz text in tests and fails with the problems listed when it should be clean.</summary>
internal static class QuizText
{
    public const string FrontMatter = "---\ntitle: Test quiz\n---\n\n";

    public static QuizParseResult Parse(string text, string fileName = "quiz.md", QuizKind? kind = null, string language = "en") =>
        QuizParser.Parse(new QuizSource(text, fileName) { DefaultKind = kind, Language = language });

    public static Quiz Clean(string text, string fileName = "quiz.md", QuizKind? kind = null, string language = "en")
    {
        var result = Parse(text, fileName, kind, language);
        Assert.That(result.Problems.Select(p => p.ToString()), Is.Empty, "the quiz should parse without problems");
        return result.Quiz!;
    }

    /// <summary>One Markdown question after a minimal front matter.</summary>
    public static T Question<T>(string markdown, QuizKind? kind = null, string language = "en")
        where T : Question
    {
        var quiz = Clean(FrontMatter + markdown, kind: kind, language: language);
        Assert.That(quiz.Questions, Has.Count.EqualTo(1));
        Assert.That(quiz.Questions[0], Is.TypeOf<T>());
        return (T)quiz.Questions[0];
    }

    /// <summary>One GIFT question.</summary>
    public static T Gift<T>(string gift, string language = "en")
        where T : Question
    {
        var quiz = Clean(gift, "questions.gift", language: language);
        Assert.That(quiz.Questions, Has.Count.EqualTo(1));
        Assert.That(quiz.Questions[0], Is.TypeOf<T>());
        return (T)quiz.Questions[0];
    }

    public static IReadOnlyList<QuizProblem> Problems(string text, string fileName = "quiz.md") => Parse(text, fileName).Problems;
}
