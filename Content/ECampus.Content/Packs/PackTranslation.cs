namespace ECampus.Content;

/// <summary>
/// One translation folder (e.g. <c>fr/</c>): translated pack texts from <c>fr/pack.yml</c> and translated
/// module and activity files keyed by the id of their original.
/// </summary>
public sealed record PackTranslation
{
    /// <summary>Language code, e.g. <c>fr</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Translated title, or null to use the original.</summary>
    public string? Title { get; init; }

    /// <summary>Translated summary, or null.</summary>
    public string? Summary { get; init; }

    /// <summary>Translated audience, or null.</summary>
    public string? Audience { get; init; }

    /// <summary>Translated learning-goals prompt, or null.</summary>
    public string? LearningGoalsPrompt { get; init; }

    /// <summary>Translated modules by module id.</summary>
    public required IReadOnlyDictionary<string, LocalizedText> Modules { get; init; }

    /// <summary>Translated activity files by activity id (same id and type as the original).</summary>
    public required IReadOnlyDictionary<string, PackActivity> Activities { get; init; }
}
