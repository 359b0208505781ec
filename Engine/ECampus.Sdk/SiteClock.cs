namespace ECampus.Sdk;

/// <summary>Database timestamps are whole milliseconds in UTC, so the same instant compares equal wherever it is read.</summary>
public static class SiteClock
{
    /// <summary>The current instant from <paramref name="time"/>, truncated to milliseconds in UTC.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }
}
