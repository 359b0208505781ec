namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>What a quiz is for; it sets the defaults for grading and review.</summary>
public enum QuizKind
{
    /// <summary>A check at the end of a module.</summary>
    Check,

    /// <summary>The pre-course assessment; knowledge gain is measured from it.</summary>
    Pre,

    /// <summary>The post-course assessment.</summary>
    Post,

    /// <summary>A survey: nothing is right or wrong, answers are recorded.</summary>
    Survey,
}
