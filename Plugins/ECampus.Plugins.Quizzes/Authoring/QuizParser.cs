using System.Globalization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Reads a quiz file, Markdown or GIFT, into a <see cref="Quiz"/> and its problems.</summary>
public static class QuizParser
{
    /// <summary>Files larger than this are refused rather than parsed.</summary>
    public const int MaxFileLength = 1_000_000;

    /// <summary>Parses a quiz file. Never throws for bad input: every problem is reported with its file position.</summary>
    public static QuizParseResult Parse(QuizSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new ProblemList();
        if (source.Text.Length > MaxFileLength)
        {
            problems.Error(SourcePosition.Start, QuizProblemCodes.TooComplex,
                string.Create(CultureInfo.InvariantCulture, $"The file has {source.Text.Length:N0} characters; a quiz may have at most {MaxFileLength:N0}."),
                "Split the questions into several quizzes.");
            return new QuizParseResult(null, problems.All);
        }

        var text = source.Text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var quiz = IsGift(source.FileName)
            ? GiftQuizReader.Read(text, source, problems)
            : MarkdownQuizReader.Read(text, source, problems);
        var ordered = problems.All.OrderBy(p => p.Line).ThenBy(p => p.Column).ToArray();
        return new QuizParseResult(problems.HasErrors ? null : quiz, ordered);
    }

    /// <summary>Parses a file's text; a shortcut for tests and tools.</summary>
    public static QuizParseResult Parse(string text, string fileName = "quiz.md") => Parse(new QuizSource(text, fileName));

    private static bool IsGift(string fileName) => fileName.EndsWith(".gift", StringComparison.OrdinalIgnoreCase);
}
