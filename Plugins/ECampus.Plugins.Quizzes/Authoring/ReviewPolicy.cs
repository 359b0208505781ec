namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>When a learner may see something about their submitted attempt.</summary>
public enum ReviewTiming
{
    /// <summary>As soon as the attempt is submitted.</summary>
    Immediately,

    /// <summary>
    /// Once the quiz has closed for the learner: after <c>closes</c>, or, with no closing date,
    /// once the learner has no attempts left.
    /// </summary>
    AfterClose,

    /// <summary>Never.</summary>
    Never,
}

/// <summary>What a learner sees of a submitted attempt, and when.</summary>
/// <param name="Score">When the score is shown.</param>
/// <param name="CorrectAnswers">When the right answers (and the authors' feedback) are shown.</param>
public sealed record ReviewPolicy(ReviewTiming Score, ReviewTiming CorrectAnswers)
{
    /// <summary>The defaults for a kind of quiz: checks show everything at once, pre-tests never reveal the answers.</summary>
    public static ReviewPolicy DefaultFor(QuizKind kind) => kind switch
    {
        QuizKind.Pre => new(ReviewTiming.Immediately, ReviewTiming.Never),
        QuizKind.Post => new(ReviewTiming.Immediately, ReviewTiming.AfterClose),
        QuizKind.Survey => new(ReviewTiming.Never, ReviewTiming.Never),
        _ => new(ReviewTiming.Immediately, ReviewTiming.Immediately),
    };

    /// <summary>Whether something shown at <paramref name="timing"/> is visible now.</summary>
    /// <param name="timing">The policy for the thing (score or answers).</param>
    /// <param name="closedForLearner">True once the quiz closed or the learner used their last attempt.</param>
    public static bool Allows(ReviewTiming timing, bool closedForLearner) => timing switch
    {
        ReviewTiming.Immediately => true,
        ReviewTiming.AfterClose => closedForLearner,
        _ => false,
    };
}
