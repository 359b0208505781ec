namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Reads a <c>.gift</c> file: GIFT questions only, settings from the context (no front matter).</summary>
internal static class GiftQuizReader
{
    public static Quiz Read(string text, QuizSource source, ProblemList problems)
    {
        var kind = source.DefaultKind ?? QuizKind.Check;
        var settings = new QuizSettings { Kind = kind, Graded = kind != QuizKind.Survey, Review = ReviewPolicy.DefaultFor(kind) };
        var questions = GiftQuestionReader.Read(text, 1, 0, source.Language, problems);
        return QuizAssembly.Build(new QuizHeader(null, null, settings), null, source, "", questions, problems);
    }
}
