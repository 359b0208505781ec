using ECampus.Plugins.Quizzes.Authoring;

namespace ECampus.Plugins.Quizzes.Tests.Authoring;

/// <summary>One broken quiz per problem code, with where the problem must be reported.</summary>
internal static class BrokenQuizzes
{
    private const string Options = "\n\n- [x] Right\n- [ ] Wrong\n";

    public static IEnumerable<TestCaseData> All()
    {
        yield return Case(QuizProblemCodes.FrontMatter, 1, 1, "---\ntitle: Never closed\n\n## Question" + Options);
        yield return Case(QuizProblemCodes.FrontMatter, 3, 12, "---\ntitle: Fine\nkind: check: pre\n---\n\n## Question" + Options);
        yield return Case(QuizProblemCodes.UnknownSetting, 3, 1, "---\ntitle: T\npassmark: 60\n---\n\n## Question" + Options, QuizSeverity.Warning);
        yield return Case(QuizProblemCodes.InvalidSetting, 3, 7, "---\ntitle: T\nkind: exam\n---\n\n## Question" + Options);
        yield return Case(QuizProblemCodes.InvalidSetting, 3, 13, "---\ntitle: T\ntime-limit: 20\n---\n\n## Question" + Options);
        yield return Case(QuizProblemCodes.InvalidSetting, 3, 9, "---\ntitle: T\ncloses: next week\n---\n\n## Question" + Options);
        yield return Case(QuizProblemCodes.PassMarkRange, 3, 12, "---\ntitle: T\npass-mark: 150\n---\n\n## Question" + Options);
        yield return Case(QuizProblemCodes.OpensAfterCloses, 4, 9, "---\ntitle: T\nopens: start + 14d\ncloses: start + 7d\n---\n\n## Question" + Options);
        yield return Case(QuizProblemCodes.AnonymousNotSurvey, 4, 12, "---\ntitle: T\nkind: check\nanonymous: true\n---\n\n## Question" + Options);
        yield return Case(QuizProblemCodes.IgnoredInSurvey, 4, 12, "---\ntitle: T\nkind: survey\npass-mark: 60\n---\n\n## Question" + Options.Replace("[x]", "[ ]", StringComparison.Ordinal), QuizSeverity.Warning);
        yield return Case(QuizProblemCodes.TooComplex, 7, 1, "---\ntitle: T\n---\n\n## Deep\n\n" + new string('>', 200) + " text\n\n- [x] a\n- [ ] b\n");
        yield return Case(QuizProblemCodes.TooComplex, 6, 1, "## Deep lists\n\n- [x] a\n- [ ] b\n\n" + string.Concat(Enumerable.Repeat("- ", 40)) + "deep\n");
        yield return Case(QuizProblemCodes.NoQuestions, 1, 1, "---\ntitle: Empty\n---\n\nNothing to see.\n");
        yield return Case(QuizProblemCodes.DuplicateQuestionId, 10, 1, "---\ntitle: T\n---\n\n## Same question" + Options + "\n## Same question" + Options);
        yield return Case(QuizProblemCodes.InvalidQuestionId, 5, 14, "---\ntitle: T\n---\n\n## Question {#Bad_Id}" + Options);
        yield return Case(QuizProblemCodes.InvalidQuestionId, 5, 4, "---\ntitle: T\n---\n\n## ???" + Options);
        yield return Case(QuizProblemCodes.UnknownType, 5, 14, "---\ntitle: T\n---\n\n## Question {type=multi-choice}" + Options);
        yield return Case(QuizProblemCodes.BadAttribute, 5, 18, "---\ntitle: T\n---\n\n## Question {#q1 pionts=2}" + Options);
        yield return Case(QuizProblemCodes.BadAttribute, 5, 14, "---\ntitle: T\n---\n\n## Question {points=-1}" + Options);
        yield return Case(QuizProblemCodes.NothingToAnswer, 5, 4, "---\ntitle: T\n---\n\n## What is decent work?\n\nExplain in your own words.\n");
        yield return Case(QuizProblemCodes.NothingToAnswer, 7, 1, "---\ntitle: T\n---\n\n## Match the capitals\n\n- France → Paris\n- Spain → Madrid\n");
        yield return Case(QuizProblemCodes.NoCorrectOption, 5, 4, "---\ntitle: T\n---\n\n## Question\n\n- [ ] One\n- [ ] Two\n");
        yield return Case(QuizProblemCodes.NoCorrectOption, 5, 4, "---\ntitle: T\n---\n\n## Question\n\nAnswer: (50%) Geneva\n");
        yield return Case(QuizProblemCodes.BadWeight, 7, 7, "---\ntitle: T\n---\n\n## Question\n\n- [x] (-25%) Right?\n- [ ] Wrong\n");
        yield return Case(QuizProblemCodes.BadWeight, 8, 7, "---\ntitle: T\n---\n\n## Question\n\n- [x] Right\n- [ ] (150%) Wrong\n");
        yield return Case(QuizProblemCodes.WeightsDoNotAddUp, 5, 4, "---\ntitle: T\n---\n\n## Question\n\n- [x] (60%) One\n- [x] (60%) Two\n- [ ] Three\n");
        yield return Case(QuizProblemCodes.BadOptionId, 8, 7, "---\ntitle: T\n---\n\n## Question\n\n- [x] Right\n- [ ] Wrong {#a}\n");
        yield return Case(QuizProblemCodes.TooFewOptions, 5, 4, "---\ntitle: T\n---\n\n## Question\n\n- [x] Only\n");
        yield return Case(QuizProblemCodes.TooFewOptions, 6, 4, "---\ntitle: T\nkind: survey\n---\n\n## Question\n\n- [ ] Only\n");
        yield return Case(QuizProblemCodes.BadNumber, 8, 9, "---\ntitle: T\n---\n\n## Question {type=numeric}\n\nAnswer: 42\nAnswer: 4 2\n");
        yield return Case(QuizProblemCodes.BadNumber, 7, 9, "---\ntitle: T\n---\n\n## Question {type=numeric}\n\nAnswer: 42 ± abc\n");
        yield return Case(QuizProblemCodes.BadNumber, 9, 3, "---\ntitle: T\n---\n\n## Question\n\nAnswers:\n\n- 45..40\n- 42\n");
        yield return Case(QuizProblemCodes.BadPair, 8, 3, "---\ntitle: T\n---\n\n## Question {type=matching}\n\n- France → Paris\n- Spain, Madrid\n");
        yield return Case(QuizProblemCodes.TooFewPairs, 5, 4, "---\ntitle: T\n---\n\n## Question {type=matching}\n\n- France → Paris\n");
        yield return Case(QuizProblemCodes.BadOrderingItems, 8, 4, "---\ntitle: T\n---\n\n## Question {type=ordering}\n\n1. First\n2. First\n");
        yield return Case(QuizProblemCodes.AnswersDoNotFitType, 7, 1, "---\ntitle: T\n---\n\n## Question {type=short}\n\n- [x] Geneva\n- [ ] Paris\n");
        yield return Case(QuizProblemCodes.AnswersDoNotFitType, 8, 1, "---\ntitle: T\n---\n\n## Question\n\n- [x] Right\n- Wrong\n");
        yield return Case(QuizProblemCodes.TextAfterAnswers, 10, 1, "---\ntitle: T\n---\n\n## Question\n\n- [x] Right\n- [ ] Wrong\n\nThis paragraph explains why.\n");
        yield return Case(QuizProblemCodes.UnexpectedNesting, 8, 3, "---\ntitle: T\n---\n\n## Question\n\n- [x] Right\n  - a nested list\n- [ ] Wrong\n");
        yield return Case(QuizProblemCodes.BadScale, 5, 29, "---\ntitle: T\nkind: survey\n---\n\n## How was it? {type=likert scale=1}\n".Replace("---\n\n##", "---\n##", StringComparison.Ordinal));
        yield return Case(QuizProblemCodes.BadTrueFalse, 7, 1, "---\ntitle: T\n---\n\n## Question {type=true-false}\n\n- [x] Yes\n- [ ] No\n");
        yield return Case(QuizProblemCodes.MarksInSurvey, 8, 1, "---\ntitle: T\nkind: survey\n---\n\n## Question\n\n- [x] Good\n- [ ] Bad\n", QuizSeverity.Warning);
        yield return Case(QuizProblemCodes.EmptyText, 5, 4, "---\ntitle: T\n---\n\n## {#q1}" + Options);
        yield return Case(QuizProblemCodes.UnbalancedBraces, 1, 10, "Question {=a ~b\n", "broken.gift");
        yield return Case(QuizProblemCodes.UnbalancedBraces, 2, 11, "// comment\nQuestion a} {=a ~b}\n", "broken.gift");
        yield return Case(QuizProblemCodes.AnswerWithoutMarker, 1, 21, "Capital of France? {Paris}\n", "broken.gift");
        yield return Case(QuizProblemCodes.SeveralAnswerBlocks, 1, 20, "Two blocks {=a ~b} {=c ~d}\n", "broken.gift");
        yield return Case(QuizProblemCodes.UnclosedTitle, 1, 1, "::title Question {=a ~b}\n", "broken.gift");
        yield return Case(QuizProblemCodes.BadNumber, 1, 14, "Pi to two? {#3.14:abc}\n", "broken.gift");
        yield return Case(QuizProblemCodes.BadWeight, 1, 8, "Pick {~%fifty%a =b}\n", "broken.gift");
        yield return Case(QuizProblemCodes.BadPair, 3, 1, "Match {\n=a -> 1\n=b 2\n}\n", "broken.gift");
        yield return Case(QuizProblemCodes.TooFewOptions, 1, 7, "Pick {~only}\n", "broken.gift");
    }

    private static TestCaseData Case(string code, int line, int column, string text, QuizSeverity severity = QuizSeverity.Error) =>
        Case(code, line, column, text, "quiz.md", severity);

    private static TestCaseData Case(string code, int line, int column, string text, string fileName, QuizSeverity severity = QuizSeverity.Error) =>
        new TestCaseData(code, line, column, text, fileName, severity).SetArgDisplayNames(code, $"{fileName}:{line}:{column}");
}
