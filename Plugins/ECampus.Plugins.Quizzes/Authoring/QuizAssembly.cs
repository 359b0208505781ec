using System.Text.RegularExpressions;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// Puts the parts of a quiz together and checks what spans questions: ids unique, at least one question.
/// In a survey nothing is scored, so every question is worth 0 points (an ordering question becomes a ranking).
/// </summary>
internal static partial class QuizAssembly
{
    public static Quiz Build(QuizHeader header, string? headingTitle, QuizSource source, string introduction,
        IReadOnlyList<(Question Question, SourcePosition At)> questions, ProblemList problems)
    {
        var firstById = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (question, at) in questions)
        {
            if (firstById.TryGetValue(question.Id, out var first))
            {
                problems.Error(at, QuizProblemCodes.DuplicateQuestionId,
                    $"The question id '{question.Id}' is already used by the question on line {first.Line}.",
                    "Give one of them an explicit id at the end of its heading, e.g. '{#" + question.Id + "-2}' (GIFT: '// [id:...]').");
            }
            else
            {
                firstById[question.Id] = at;
            }
        }

        if (questions.Count == 0 && !problems.HasErrors)
        {
            problems.Error(SourcePosition.Start, QuizProblemCodes.NoQuestions, "The quiz has no questions.",
                "Write each question as a '## ' heading followed by its options, e.g. '- [x] right' and '- [ ] wrong'.");
        }

        var id = header.Id ?? source.DefaultId ?? IdFromFileName(source.FileName);
        return new Quiz
        {
            Id = id,
            Title = header.Title ?? headingTitle ?? id,
            Language = source.Language,
            Introduction = introduction,
            Settings = header.Settings,
            Questions = questions.Select(q => header.Settings.Kind == QuizKind.Survey ? q.Question with { Points = 0 } : q.Question).ToArray(),
        };
    }

    /// <summary>As the pack loader derives ids: lower case, no extension, no leading number ("01-").</summary>
    private static string IdFromFileName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        var id = Separators().Replace(NumberPrefix().Replace(stem, ""), "-").Trim('-');
        return QuestionIds.IsValid(id) ? id : "quiz";
    }

    [GeneratedRegex(@"^\d+[-_ .]+", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
