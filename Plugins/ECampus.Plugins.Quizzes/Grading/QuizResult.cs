namespace ECampus.Plugins.Quizzes.Grading;

/// <summary>An attempt's result: the question results and the totals derived from them.</summary>
/// <param name="Questions">One result per question, in quiz order.</param>
/// <param name="PassMark">The quiz's pass mark in percent, or null.</param>
public sealed record QuizResult(IReadOnlyList<QuestionResult> Questions, decimal? PassMark)
{
    /// <summary>Points earned.</summary>
    public decimal Score => Questions.Where(q => q.Counts).Sum(q => q.Score);

    /// <summary>Points available (questions that are only recorded do not count).</summary>
    public decimal MaxPoints => Questions.Where(q => q.Counts).Sum(q => q.MaxPoints);

    /// <summary>Score as a percentage of <see cref="MaxPoints"/>, rounded to two places; 0 when nothing is scored.</summary>
    public decimal Percent => MaxPoints == 0 ? 0 : Math.Round(Score * 100 / MaxPoints, 2, MidpointRounding.AwayFromZero);

    /// <summary>True while an answer waits for a tutor.</summary>
    public bool Pending => Questions.Any(q => q.Outcome == Outcome.Ungraded);

    /// <summary>Whether the pass mark is reached; null with no pass mark or while <see cref="Pending"/>.</summary>
    public bool? Passed => PassMark is not { } mark || Pending ? null : MaxPoints > 0 && Score * 100 >= mark * MaxPoints;

    /// <summary>The result with one question's result replaced, e.g. once a tutor graded an essay.</summary>
    public QuizResult With(QuestionResult graded)
    {
        ArgumentNullException.ThrowIfNull(graded);
        return this with { Questions = Questions.Select(q => q.QuestionId == graded.QuestionId ? graded : q).ToArray() };
    }
}
