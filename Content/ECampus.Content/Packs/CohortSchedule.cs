namespace ECampus.Content;

/// <summary>The calendar of a cohort-paced track (pack.yml <c>schedule</c>).</summary>
/// <param name="Start">Day the first week starts.</param>
/// <param name="Weeks">Length of the track in weeks.</param>
public sealed record CohortSchedule(DateOnly Start, int Weeks)
{
    /// <summary>First day of week <paramref name="week"/> (1-based).</summary>
    public DateOnly WeekStart(int week) => Start.AddDays((week - 1) * 7);
}
