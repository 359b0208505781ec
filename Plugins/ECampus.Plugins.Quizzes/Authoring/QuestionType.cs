namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>The kinds of question, as written in <c>{type=...}</c>.</summary>
public enum QuestionType
{
    /// <summary>One option is chosen (radio buttons).</summary>
    SingleChoice,

    /// <summary>Any number of options are chosen (checkboxes).</summary>
    MultipleChoice,

    /// <summary>True or false.</summary>
    TrueFalse,

    /// <summary>A typed word or phrase compared with accepted answers.</summary>
    ShortAnswer,

    /// <summary>A typed number compared with accepted values or ranges.</summary>
    Numeric,

    /// <summary>Prompts matched to answers.</summary>
    Matching,

    /// <summary>Items put in order.</summary>
    Ordering,

    /// <summary>Free text graded by a tutor.</summary>
    Essay,

    /// <summary>A point on a rating scale (surveys).</summary>
    Likert,

    /// <summary>A choice with no right answer (surveys).</summary>
    Poll,

    /// <summary>Free text that is only recorded (surveys).</summary>
    FreeText,

    /// <summary>Text with nothing to answer (GIFT descriptions).</summary>
    Description,
}

/// <summary>How a question's answer becomes a score.</summary>
public enum QuestionGrading
{
    /// <summary>The grader scores it against the key.</summary>
    Automatic,

    /// <summary>A tutor scores it.</summary>
    Manual,

    /// <summary>Nothing to score: the answer is only recorded.</summary>
    None,
}
