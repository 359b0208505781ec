using Microsoft.Extensions.Configuration;

namespace ECampus.Plugins.Quizzes.Attempts;

/// <summary>The plug-in's settings, from <c>ECampus:Plugins:quizzes</c>.</summary>
public sealed record QuizzesOptions
{
    /// <summary>How long after a deadline answers and submissions are still taken (network delays, a slow last click).</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often attempts left open past their deadline are closed and graded.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The time zone of dates written without an offset, and of cohort start days.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public static QuizzesOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new QuizzesOptions();
        var grace = configuration.GetValue<TimeSpan?>("Grace") ?? defaults.Grace;
        var sweep = configuration.GetValue<TimeSpan?>("SweepInterval") ?? defaults.SweepInterval;
        if (grace < TimeSpan.Zero || sweep <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("ECampus:Plugins:quizzes: Grace must not be negative and SweepInterval must be positive.");
        }

        var zone = configuration["TimeZone"] is { Length: > 0 } name ? TimeZoneInfo.FindSystemTimeZoneById(name) : defaults.TimeZone;
        return new QuizzesOptions { Grace = grace, SweepInterval = sweep, TimeZone = zone };
    }
}
