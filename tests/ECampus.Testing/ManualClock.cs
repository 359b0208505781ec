namespace ECampus.Testing;

/// <summary>A clock a test moves by hand; timers still run on real time, so background services keep ticking.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public void Set(DateTimeOffset moment) => Interlocked.Exchange(ref _ticks, moment.UtcTicks);
}
