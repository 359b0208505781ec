namespace ECampus.Content;

/// <summary>
/// A module: one Markdown file at the pack root with front matter. <see cref="Id"/> is the stable identity
/// (progress is keyed by it), taken from front matter or from the file name without its number prefix.
/// </summary>
public sealed record PackModule
{
    /// <summary>Stable id, e.g. <c>what-is-evidence</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Title in the pack's default language.</summary>
    public required string Title { get; init; }

    /// <summary>Week of a cohort-paced track (1-based), or null.</summary>
    public int? Week { get; init; }

    /// <summary>Learning effort in minutes.</summary>
    public required int EffortMinutes { get; init; }

    /// <summary>When the module opens.</summary>
    public required UnlockRule Unlock { get; init; }

    /// <summary>File relative to the pack, e.g. <c>01-what-is-evidence.md</c>.</summary>
    public required string SourceFile { get; init; }

    /// <summary>The Markdown body (front matter removed).</summary>
    public required string Markdown { get; init; }

    /// <summary>File line on which <see cref="Markdown"/> starts, so renderers can report real lines.</summary>
    public required int BodyLine { get; init; }

    /// <summary>Activity blocks in the body, in order.</summary>
    public required IReadOnlyList<ActivityRef> Activities { get; init; }
}
