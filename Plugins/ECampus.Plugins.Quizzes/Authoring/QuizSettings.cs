namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>A quiz's settings from its front matter, with the defaults of its kind filled in.</summary>
public sealed record QuizSettings
{
    /// <summary>What the quiz is for.</summary>
    public QuizKind Kind { get; init; } = QuizKind.Check;

    /// <summary>Attempts allowed, or null for unlimited.</summary>
    public int? Attempts { get; init; }

    /// <summary>Time allowed for one attempt, or null for no limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Percent (0–100) needed to pass, or null when the quiz has no pass mark.</summary>
    public decimal? PassMark { get; init; }

    /// <summary>Whether the score counts (false for a pre-test that only measures, and for surveys).</summary>
    public bool Graded { get; init; } = true;

    /// <summary>Whether each attempt gets its own question order.</summary>
    public bool ShuffleQuestions { get; init; }

    /// <summary>Whether each attempt gets its own option order (ordering items are always shuffled).</summary>
    public bool ShuffleOptions { get; init; }

    /// <summary>When the quiz opens, or null for as soon as the activity is reachable.</summary>
    public QuizDate? Opens { get; init; }

    /// <summary>When the quiz closes, or null for never.</summary>
    public QuizDate? Closes { get; init; }

    /// <summary>What learners see after submitting, and when.</summary>
    public ReviewPolicy Review { get; init; } = ReviewPolicy.DefaultFor(QuizKind.Check);

    /// <summary>Whether answers are stored without the learner's identity (surveys only).</summary>
    public bool Anonymous { get; init; }

    /// <summary>The id of the quiz this one parallels (pre/post pairs), if any.</summary>
    public string? ParallelTo { get; init; }
}
