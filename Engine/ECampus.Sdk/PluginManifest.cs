namespace ECampus.Sdk;

/// <summary>Describes a plug-in to the host and to administrators.</summary>
/// <param name="Id">
/// Stable lower-case identifier (letters, digits, '-'); the prefix of every table the plug-in creates,
/// with '-' written as '_'.
/// </param>
/// <param name="Name">Name shown to administrators.</param>
/// <param name="Version">The plug-in's own version.</param>
/// <param name="MinimumEngineVersion">The oldest engine version the plug-in works with.</param>
public sealed record PluginManifest(string Id, string Name, Version Version, Version MinimumEngineVersion)
{
    /// <summary>The first engine version the plug-in no longer supports; <c>null</c> when it names none.</summary>
    public Version? EngineVersionBelow { get; init; }

    /// <summary>Ids of plug-ins that must be enabled for this one to run.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>
    /// The plug-in's tables that hold per-learner data, so that exporting or deleting a learner's data includes them.
    /// </summary>
    public IReadOnlyList<PersonalDataTable> PersonalData { get; init; } = [];

    /// <summary>The prefix every table of this plug-in must carry.</summary>
    public string TablePrefix => Id.Replace('-', '_') + "_";

    /// <summary>Whether the plug-in supports the given engine version.</summary>
    public bool Supports(Version engineVersion) =>
        engineVersion >= MinimumEngineVersion && (EngineVersionBelow is null || engineVersion < EngineVersionBelow);
}

/// <summary>A table holding per-learner data, and the column naming the learner's account.</summary>
public sealed record PersonalDataTable(string Table, string AccountColumn);
