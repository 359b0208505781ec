namespace ECampus.Content.Loading;

/// <summary>A module as read from its file, before pack-wide checks resolve its unlock date and order.</summary>
internal sealed record ModuleDraft
{
    public required Located<string> Id { get; init; }

    public required string Title { get; init; }

    public int? Week { get; init; }

    public SourcePoint WeekAt { get; init; }

    public required int EffortMinutes { get; init; }

    public required UnlockKind Unlock { get; init; }

    public required SourcePoint UnlockAt { get; init; }

    public DateOnly? Opens { get; init; }

    /// <summary>True when 'opens' was written, even if it did not parse (already reported).</summary>
    public bool OpensWritten { get; init; }

    public required IReadOnlyList<Located<string>> Requires { get; init; }

    public required string SourceFile { get; init; }

    public required string Markdown { get; init; }

    public required int BodyLine { get; init; }

    public required IReadOnlyList<ActivityRef> Activities { get; init; }
}
