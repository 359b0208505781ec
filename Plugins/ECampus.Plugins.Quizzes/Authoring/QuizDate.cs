using System.Text.Json.Serialization;

namespace ECampus.Plugins.Quizzes.Authoring;

/// <summary>
/// When a quiz opens or closes: a date-time with an offset, a site-local date-time, or a time after the
/// start of the learner's cohort (<c>start + 14d</c>). The engine resolves it with <see cref="Resolve"/>.
/// </summary>
public sealed record QuizDate
{
    /// <summary>A moment written with an offset or <c>Z</c>.</summary>
    public DateTimeOffset? Absolute { get; init; }

    /// <summary>A date-time written without offset, meant in the site's time zone.</summary>
    public DateTime? Local { get; init; }

    /// <summary>A time after (or, when negative, before) the cohort's start.</summary>
    public TimeSpan? AfterStart { get; init; }

    /// <summary>True when the value depends on a cohort's start.</summary>
    [JsonIgnore]
    public bool IsRelative => AfterStart is not null;

    /// <summary>A moment with an offset.</summary>
    public static QuizDate At(DateTimeOffset moment) => new() { Absolute = moment };

    /// <summary>A site-local date-time.</summary>
    public static QuizDate AtLocal(DateTime local) => new() { Local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified) };

    /// <summary>A time relative to the cohort's start.</summary>
    public static QuizDate FromStart(TimeSpan offset) => new() { AfterStart = offset };

    /// <summary>
    /// The moment this date means, or null when it is relative and there is no start (a self-paced course
    /// without cohort: the engine decides whether the enrolment date stands in).
    /// </summary>
    public DateTimeOffset? Resolve(DateTimeOffset? cohortStart, TimeZoneInfo siteTimeZone)
    {
        ArgumentNullException.ThrowIfNull(siteTimeZone);
        if (Absolute is { } absolute)
        {
            return absolute;
        }

        if (Local is { } local)
        {
            return new DateTimeOffset(local, siteTimeZone.GetUtcOffset(local));
        }

        return cohortStart is { } start && AfterStart is { } offset ? start + offset : null;
    }

    /// <summary>Compares two dates when both are of the same sort; null when they cannot be compared before the engine resolves them.</summary>
    public static int? CompareKnown(QuizDate first, QuizDate second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return (first, second) switch
        {
            ({ Absolute: { } a }, { Absolute: { } b }) => a.CompareTo(b),
            ({ Local: { } a }, { Local: { } b }) => a.CompareTo(b),
            ({ AfterStart: { } a }, { AfterStart: { } b }) => a.CompareTo(b),
            _ => null,
        };
    }
}
