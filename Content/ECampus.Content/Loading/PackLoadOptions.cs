namespace ECampus.Content;

/// <summary>What <see cref="PackLoader"/> accepts: the activity types on offer and the limits.</summary>
public sealed record PackLoadOptions
{
    /// <summary>Built-in types only, default limits.</summary>
    public static PackLoadOptions Default { get; } = new();

    /// <summary>Activity types packs may use; defaults to <see cref="ActivityType.Defaults"/>.</summary>
    public IReadOnlyList<ActivityType> ActivityTypes { get; init; } = ActivityType.Defaults;

    /// <summary>Size and nesting limits.</summary>
    public PackLimits Limits { get; init; } = PackLimits.Default;
}
