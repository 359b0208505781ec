using System.Collections.Immutable;
using ECampus.Content;
using Microsoft.Extensions.Primitives;

namespace ECampus.Engine.Courses;

/// <summary>
/// Everything the catalog serves at one moment: never changed, only replaced as a whole. A request that needs
/// several answers (a pack, then its report) takes one snapshot and asks it, so it cannot see two versions.
/// </summary>
public sealed class PackCatalogSnapshot
{
    private readonly Dictionary<string, CoursePack> _byId;
    private readonly Dictionary<string, PackFolderReport> _byFolder;
    private readonly TaskCompletionSource _replaced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _replacedToken = new();

    private PackCatalogSnapshot(long generation, ImmutableSortedDictionary<string, FolderEntry> folders, Dictionary<string, string> servedBy)
    {
        Generation = generation;
        Folders = folders;
        ServedBy = servedBy;
        _byId = servedBy.ToDictionary(s => s.Key, s => folders[s.Value].LastGood!, StringComparer.Ordinal);
        Packs = [.. _byId.Values.OrderBy(p => p.Id, StringComparer.Ordinal)];
        Reports = [.. folders.Values.Select(Report)];
        _byFolder = Reports.ToDictionary(r => r.Folder, StringComparer.Ordinal);
        ChangeToken = new CancellationChangeToken(_replacedToken.Token);
    }

    internal static PackCatalogSnapshot Empty { get; } = new(0, ImmutableSortedDictionary.Create<string, FolderEntry>(StringComparer.Ordinal), []);

    /// <summary>Counts the swaps: each new snapshot has the previous one's generation plus one.</summary>
    public long Generation { get; }

    /// <summary>The served packs, by id.</summary>
    public IReadOnlyList<CoursePack> Packs { get; }

    /// <summary>One report per pack folder found (removed folders included), by folder path.</summary>
    public IReadOnlyList<PackFolderReport> Reports { get; }

    /// <summary>Fires once, when this snapshot is replaced by the next.</summary>
    public IChangeToken ChangeToken { get; }

    internal ImmutableSortedDictionary<string, FolderEntry> Folders { get; }

    /// <summary>Which folder serves each pack id.</summary>
    internal IReadOnlyDictionary<string, string> ServedBy { get; }

    internal Task Replaced => _replaced.Task;

    public CoursePack? Find(string packId) => _byId.GetValueOrDefault(packId);

    public PackFolderReport? ReportFor(string folder) => _byFolder.GetValueOrDefault(folder);

    /// <summary>
    /// The next snapshot after <paramref name="folders"/> changed. When two folders hold the same pack id, the one
    /// already serving it keeps it (copying a live pack folder must not take the course over); otherwise the first
    /// folder by path wins.
    /// </summary>
    internal PackCatalogSnapshot Next(ImmutableSortedDictionary<string, FolderEntry> folders)
    {
        var servedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var candidates in folders.Values.Where(e => e.LastGood is not null).GroupBy(e => e.LastGood!.Id, StringComparer.Ordinal))
        {
            servedBy[candidates.Key] = ServedBy.TryGetValue(candidates.Key, out var incumbent) && candidates.Any(e => e.Folder == incumbent)
                ? incumbent
                : candidates.First().Folder;
        }

        return new PackCatalogSnapshot(Generation + 1, folders, servedBy);
    }

    internal void MarkReplaced()
    {
        _replaced.TrySetResult();
        _replacedToken.Cancel();
    }

    private PackFolderReport Report(FolderEntry entry)
    {
        if (entry.Removed)
        {
            return new PackFolderReport(entry.Folder, PackState.Removed, entry.KnownId, null, null, null, null, entry.LastAttemptAt, []);
        }

        if (entry.LastGood is not { } good)
        {
            return new PackFolderReport(entry.Folder, PackState.Failed, null, null, null, null, null, entry.LastAttemptAt, entry.Diagnostics);
        }

        if (ServedBy[good.Id] != entry.Folder)
        {
            var duplicate = new Diagnostic(DiagnosticSeverity.Error, PackCatalog.DuplicatePackIdCode, "pack.yml", 0, 0,
                $"The pack id '{good.Id}' is already served from {ServedBy[good.Id]}, so this folder is not served.",
                "Give this pack its own id in pack.yml (and name its folder after it), or remove one of the two folders.");
            return new PackFolderReport(entry.Folder, PackState.Failed, good.Id, null, null, null, null, entry.LastAttemptAt, [duplicate, .. entry.Diagnostics]);
        }

        return new PackFolderReport(entry.Folder, entry.LastAttemptSucceeded ? PackState.Serving : PackState.ServingLastGood,
            good.Id, good.Pack.Title, good.Pack.Version, good.ContentHash, good.LoadedAt, entry.LastAttemptAt, entry.Diagnostics);
    }
}

/// <summary>The catalog's memory of one pack folder: its last attempt, and the latest version of it that validated.</summary>
internal sealed record FolderEntry(
    string Folder,
    long Sequence,
    CoursePack? LastGood,
    string? KnownId,
    bool LastAttemptSucceeded,
    bool Removed,
    DateTimeOffset LastAttemptAt,
    IReadOnlyList<Diagnostic> Diagnostics);
