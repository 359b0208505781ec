namespace ECampus.Content;

/// <summary>When a module opens (module front matter <c>unlock</c>).</summary>
public enum UnlockKind
{
    /// <summary><c>always</c>: open from enrolment.</summary>
    Always,

    /// <summary><c>after-previous</c>: once the module before it (in pack order) is complete.</summary>
    AfterPrevious,

    /// <summary><c>on-date</c>: on <see cref="UnlockRule.Date"/>.</summary>
    OnDate,
}

/// <summary>
/// A module's unlock rule. <paramref name="Requires"/> adds prerequisites that apply whatever the kind;
/// <paramref name="Date"/> is resolved at load time (explicit <c>opens</c>, else the schedule's start of the module's week).
/// </summary>
/// <param name="Kind">Always, after the previous module, or on a date.</param>
/// <param name="Date">The opening day for <see cref="UnlockKind.OnDate"/>.</param>
/// <param name="Requires">Module ids that must be complete first.</param>
public sealed record UnlockRule(UnlockKind Kind, DateOnly? Date, IReadOnlyList<string> Requires)
{
    /// <summary>Open from the start, no prerequisites.</summary>
    public static UnlockRule Always { get; } = new(UnlockKind.Always, null, []);

    /// <summary>
    /// True when <see cref="Date"/> comes from the module's week and the pack's schedule rather than an <c>opens</c>
    /// day: each cohort then opens the module on its own calendar.
    /// </summary>
    public bool DateFromWeek { get; init; }
}
