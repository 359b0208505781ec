namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>Every problem code with a one-line summary; docs/quizzes.md lists the same table.</summary>
public static class QuizProblemCodes
{
    /// <summary>The front matter is never closed, does not parse as YAML, or is not a mapping.</summary>
    public const string FrontMatter = "QUIZ001";

    /// <summary>A front-matter key the quiz does not know (warning).</summary>
    public const string UnknownSetting = "QUIZ002";

    /// <summary>A front-matter value of the wrong form.</summary>
    public const string InvalidSetting = "QUIZ003";

    /// <summary>A pass mark outside 0–100.</summary>
    public const string PassMarkRange = "QUIZ004";

    /// <summary>A quiz that opens at or after it closes.</summary>
    public const string OpensAfterCloses = "QUIZ005";

    /// <summary>An anonymous quiz that is not a survey.</summary>
    public const string AnonymousNotSurvey = "QUIZ006";

    /// <summary>A setting a survey ignores (warning).</summary>
    public const string IgnoredInSurvey = "QUIZ007";

    /// <summary>Text too large or nested too deeply to parse safely.</summary>
    public const string TooComplex = "QUIZ008";

    /// <summary>A quiz with no questions.</summary>
    public const string NoQuestions = "QUIZ009";

    /// <summary>Two questions with the same id.</summary>
    public const string DuplicateQuestionId = "QUIZ010";

    /// <summary>An explicit id that is not valid, or text from which no id can be derived.</summary>
    public const string InvalidQuestionId = "QUIZ011";

    /// <summary>An unknown question type.</summary>
    public const string UnknownType = "QUIZ012";

    /// <summary>An unknown or malformed attribute in a question's <c>{...}</c>.</summary>
    public const string BadAttribute = "QUIZ013";

    /// <summary>A question with no options and no answers.</summary>
    public const string NothingToAnswer = "QUIZ014";

    /// <summary>A choice question with no correct option, or answers of which none is worth 100%.</summary>
    public const string NoCorrectOption = "QUIZ015";

    /// <summary>A malformed weight, or one that contradicts its checkbox.</summary>
    public const string BadWeight = "QUIZ016";

    /// <summary>Multiple-choice weights of the correct options that do not add up to 100%.</summary>
    public const string WeightsDoNotAddUp = "QUIZ017";

    /// <summary>A repeated or malformed option id.</summary>
    public const string BadOptionId = "QUIZ018";

    /// <summary>A choice question with fewer than two options.</summary>
    public const string TooFewOptions = "QUIZ019";

    /// <summary>A numeric answer that is not a number, a bad tolerance, or a range whose start exceeds its end.</summary>
    public const string BadNumber = "QUIZ020";

    /// <summary>A matching pair without a separator or with an empty side.</summary>
    public const string BadPair = "QUIZ021";

    /// <summary>A matching question with fewer than two pairs.</summary>
    public const string TooFewPairs = "QUIZ022";

    /// <summary>An ordering question with fewer than two items, or the same item twice.</summary>
    public const string BadOrderingItems = "QUIZ023";

    /// <summary>An answer list that does not fit the question type.</summary>
    public const string AnswersDoNotFitType = "QUIZ024";

    /// <summary>Text after the answers that is not feedback.</summary>
    public const string TextAfterAnswers = "QUIZ025";

    /// <summary>Something other than feedback nested under an option or answer.</summary>
    public const string UnexpectedNesting = "QUIZ026";

    /// <summary>A Likert scale with too few or too many points, or labels that contradict <c>scale=</c>.</summary>
    public const string BadScale = "QUIZ027";

    /// <summary>A true/false question without one true and one false option, exactly one ticked.</summary>
    public const string BadTrueFalse = "QUIZ028";

    /// <summary>Correct-answer marks in a survey, which has no right answers (warning).</summary>
    public const string MarksInSurvey = "QUIZ029";

    /// <summary>A question heading, option or answer with no text.</summary>
    public const string EmptyText = "QUIZ030";

    /// <summary>GIFT: a <c>{</c> without <c>}</c> or the reverse.</summary>
    public const string UnbalancedBraces = "QUIZ040";

    /// <summary>GIFT: answer text that does not start with <c>=</c> or <c>~</c>.</summary>
    public const string AnswerWithoutMarker = "QUIZ041";

    /// <summary>GIFT: more than one answer block in one question.</summary>
    public const string SeveralAnswerBlocks = "QUIZ042";

    /// <summary>GIFT: a <c>::title</c> that is never closed.</summary>
    public const string UnclosedTitle = "QUIZ043";

    /// <summary>Every code and its summary, in order.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [FrontMatter] = "Front matter never closed, not YAML, or not a mapping.",
        [UnknownSetting] = "Unknown front-matter key.",
        [InvalidSetting] = "Front-matter value of the wrong form.",
        [PassMarkRange] = "Pass mark outside 0–100.",
        [OpensAfterCloses] = "Opens at or after it closes.",
        [AnonymousNotSurvey] = "Anonymous quiz that is not a survey.",
        [IgnoredInSurvey] = "Setting a survey ignores.",
        [TooComplex] = "Text too large or nested too deeply.",
        [NoQuestions] = "No questions.",
        [DuplicateQuestionId] = "Two questions with the same id.",
        [InvalidQuestionId] = "Invalid question id, or none can be derived.",
        [UnknownType] = "Unknown question type.",
        [BadAttribute] = "Unknown or malformed question attribute.",
        [NothingToAnswer] = "Question without options or answers.",
        [NoCorrectOption] = "No correct option, or no answer worth 100%.",
        [BadWeight] = "Malformed weight, or one that contradicts its checkbox.",
        [WeightsDoNotAddUp] = "Multiple-choice weights that do not add up to 100%.",
        [BadOptionId] = "Repeated or malformed option id.",
        [TooFewOptions] = "Fewer than two options.",
        [BadNumber] = "Bad number, tolerance or range.",
        [BadPair] = "Matching pair without separator or with an empty side.",
        [TooFewPairs] = "Fewer than two matching pairs.",
        [BadOrderingItems] = "Fewer than two ordering items, or a repeated item.",
        [AnswersDoNotFitType] = "Answer list that does not fit the question type.",
        [TextAfterAnswers] = "Text after the answers that is not feedback.",
        [UnexpectedNesting] = "Something other than feedback nested under an option.",
        [BadScale] = "Likert scale of the wrong size.",
        [BadTrueFalse] = "True/false question without one true and one false option.",
        [MarksInSurvey] = "Correct-answer marks in a survey.",
        [EmptyText] = "Heading, option or answer with no text.",
        [UnbalancedBraces] = "GIFT: unbalanced braces.",
        [AnswerWithoutMarker] = "GIFT: answer without = or ~.",
        [SeveralAnswerBlocks] = "GIFT: more than one answer block.",
        [UnclosedTitle] = "GIFT: title never closed.",
    };
}
