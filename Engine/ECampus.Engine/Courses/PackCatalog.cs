using System.Collections.Immutable;
using System.Diagnostics;
using ECampus.Content;
using ECampus.Content.Rendering;
using ECampus.Engine.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ECampus.Engine.Courses;

/// <summary>
/// The content packs the site serves, loaded from the sub-folders of <see cref="EcampusOptions.PackFolders"/>.
/// The whole set is one immutable <see cref="PackCatalogSnapshot"/> behind a single reference: a reload builds the
/// next snapshot aside and swaps it in, so a request sees either the old set or the new one, never a mix. A folder
/// whose new version fails validation keeps serving the version that last validated.
/// </summary>
/// <remarks>
/// To drop caches built from packs, watch <see cref="GetChangeToken"/> (it fires once per swap, after the new snapshot
/// is visible) with <c>ChangeToken.OnChange</c>, or compare <see cref="Generation"/>.
/// </remarks>
public sealed partial class PackCatalog
{
    /// <summary>Two folders hold the same pack id; only one of them is served.</summary>
    public const string DuplicatePackIdCode = "SITE001";

    /// <summary>The folder could not be read at all (permissions, I/O error).</summary>
    public const string UnreadableFolderCode = "SITE002";

    private readonly ILogger<PackCatalog> _logger;
    private readonly TimeProvider _clock;
    private readonly PluginHost? _plugins;
    private readonly Lock _swap = new();
    private long _attempts;
    private volatile PackCatalogSnapshot _current = PackCatalogSnapshot.Empty;

    /// <param name="plugins">Supplies the activity types of enabled plug-ins; absent in command-line verbs and some tests.</param>
    public PackCatalog(IOptions<EcampusOptions> options, ILogger<PackCatalog> logger, TimeProvider clock, PluginHost? plugins = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _clock = clock;
        _plugins = plugins;
        Roots = [.. options.Value.PackFolders.Select(FullPath).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The configured pack folders (absolute); each direct sub-folder of one is a pack folder.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>The current snapshot; take it once when several answers must agree.</summary>
    public PackCatalogSnapshot Snapshot => _current;

    public long Generation => _current.Generation;

    /// <summary>The served packs, sorted by id.</summary>
    public IReadOnlyList<CoursePack> Packs => _current.Packs;

    /// <summary>One report per pack folder found, sorted by folder path.</summary>
    public IReadOnlyList<PackFolderReport> Reports => _current.Reports;

    public CoursePack? Find(string packId) => _current.Find(packId);

    /// <summary>A token that fires when the current snapshot is replaced.</summary>
    public IChangeToken GetChangeToken() => _current.ChangeToken;

    /// <summary>Completes once a snapshot newer than <paramref name="after"/> is served, and returns its generation.</summary>
    public async Task<long> WaitForGenerationAsync(long after, CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = _current;
            if (snapshot.Generation > after)
            {
                return snapshot.Generation;
            }

            await snapshot.Replaced.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Whether a directory name can be a pack folder: hidden ones (<c>.git</c>, editors' scratch folders) are not.</summary>
    public static bool IsPackFolderName(string name) => name.Length > 0 && name[0] != '.';

    /// <summary>The pack folders on disk now: direct, non-hidden sub-folders of the roots, by path.</summary>
    public IReadOnlyList<string> FindPackFolders() =>
        [.. Roots.Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateDirectories(root).Where(d => IsPackFolderName(Path.GetFileName(d))))
            .Select(FullPath)
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Loads every pack folder and serves what validates, in one swap. Broken folders are reported and skipped (or keep
    /// their last good version when this runs again, e.g. after the watcher lost events); folders gone since are removed.
    /// </summary>
    public void LoadAll()
    {
        var started = Stopwatch.GetTimestamp();
        var folders = FindPackFolders()
            .Union(_current.Folders.Values.Where(e => !e.Removed).Select(e => e.Folder), StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var snapshot = Apply([.. folders.Select(Attempt)]);
        LogLoadedAll(snapshot.Packs.Count, snapshot.Reports.Count(r => r.State != PackState.Removed),
            snapshot.Reports.Count(r => r.State is PackState.Failed or PackState.ServingLastGood), (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Loads one pack folder again: a version that validates replaces the served one; one that fails leaves the last
    /// good version serving with the new diagnostics; a deleted folder stops serving. Returns the folder's report, or
    /// null when the path is neither a folder nor one the catalog knew.
    /// </summary>
    public PackFolderReport? Reload(string packFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(packFolder);
        var folder = FullPath(packFolder);
        var known = _current.Folders.GetValueOrDefault(folder);
        if (!Directory.Exists(folder) && (known is null || known.Removed))
        {
            return known is null ? null : _current.ReportFor(folder);
        }

        return Apply([Attempt(folder)]).ReportFor(folder);
    }

    private static string FullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private LoadAttempt Attempt(string folder)
    {
        // Numbered before loading: when two loads of one folder overlap, the one that started last wins.
        var sequence = Interlocked.Increment(ref _attempts);
        var started = Stopwatch.GetTimestamp();
        var at = _clock.GetUtcNow();
        if (!Directory.Exists(folder))
        {
            return new LoadAttempt(folder, sequence, at, TimeSpan.Zero, Missing: true, null, [], []);
        }

        var types = ActivityTypes();
        PackLoadResult result;
        try
        {
            result = new PackLoader(new PackLoadOptions { ActivityTypes = types }).Load(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result = new PackLoadResult(folder, null,
                [new Diagnostic(DiagnosticSeverity.Error, UnreadableFolderCode, "", 0, 0, $"The folder could not be read: {e.Message}", "Check that the site may read every file of the pack.")]);
        }

        var missing = result.Pack is null && !Directory.Exists(folder);
        return new LoadAttempt(folder, sequence, at, Stopwatch.GetElapsedTime(started), missing, result.Pack, result.Diagnostics, types);
    }

    private List<ActivityType> ActivityTypes() => PackActivityTypes.With(_plugins?.Enabled.SelectMany(p => p.ActivityTypes) ?? []);

    private PackCatalogSnapshot Apply(IReadOnlyList<LoadAttempt> attempts)
    {
        PackCatalogSnapshot previous, next;
        var applied = new List<LoadAttempt>(attempts.Count);
        lock (_swap)
        {
            previous = _current;
            var folders = previous.Folders.ToBuilder();
            foreach (var attempt in attempts)
            {
                var entry = folders.GetValueOrDefault(attempt.Folder);
                if (entry is not null && entry.Sequence > attempt.Sequence)
                {
                    continue;
                }

                if (attempt.Missing)
                {
                    if (entry is not null)
                    {
                        folders[attempt.Folder] = new FolderEntry(attempt.Folder, attempt.Sequence, null, entry.LastGood?.Id ?? entry.KnownId,
                            LastAttemptSucceeded: false, Removed: true, attempt.At, []);
                        applied.Add(attempt);
                    }

                    continue;
                }

                var lastGood = attempt.Pack switch
                {
                    null => entry?.LastGood,
                    // The same bytes again (a save without changes): keep the version, and with it the rendered HTML.
                    { } same when entry?.LastGood?.ContentHash == same.ContentHash => entry.LastGood,
                    { } pack => new CoursePack(pack, attempt.At, CoursePack.UrlsFor(pack.Id), new PackRenderer(SafeMarkdown.Shared, attempt.ActivityTypes)),
                };
                folders[attempt.Folder] = new FolderEntry(attempt.Folder, attempt.Sequence, lastGood, lastGood?.Id ?? entry?.KnownId,
                    attempt.Pack is not null, Removed: false, attempt.At, attempt.Diagnostics);
                applied.Add(attempt);
            }

            next = previous.Next(folders.ToImmutable());
            _current = next;
        }

        previous.MarkReplaced();
        foreach (var attempt in applied)
        {
            Log(attempt, next.ReportFor(attempt.Folder)!);
        }

        return next;
    }

    private void Log(LoadAttempt attempt, PackFolderReport report)
    {
        var elapsed = (long)attempt.Elapsed.TotalMilliseconds;
        switch (report.State)
        {
            case PackState.Serving:
                LogServing(report.PackId!, report.ContentHash![..12], report.Folder, elapsed, report.WarningCount);
                break;
            case PackState.ServingLastGood:
                LogKeptLastGood(report.Folder, report.ErrorCount, report.WarningCount, report.PackId!, report.ContentHash![..12], report.LoadedAt!.Value, FirstErrors(report), elapsed);
                break;
            case PackState.Failed:
                LogFailed(report.Folder, report.ErrorCount, report.WarningCount, FirstErrors(report), elapsed);
                break;
            case PackState.Removed:
                LogRemoved(report.Folder, report.PackId ?? "(none)");
                break;
        }
    }

    private static string FirstErrors(PackFolderReport report) =>
        string.Concat(DiagnosticReport.Sort(report.Diagnostics).Where(d => d.IsError).Take(3).Select(d => Environment.NewLine + "  " + DiagnosticReport.FormatLine(d, report.Folder)));

    private sealed record LoadAttempt(
        string Folder, long Sequence, DateTimeOffset At, TimeSpan Elapsed, bool Missing, Pack? Pack,
        IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ActivityType> ActivityTypes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving pack {PackId} {ContentHash} from {Folder} (loaded in {ElapsedMilliseconds} ms, warnings: {Warnings})")]
    private partial void LogServing(string packId, string contentHash, string folder, long elapsedMilliseconds, int warnings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pack folder {Folder} has errors ({Errors}) and warnings ({Warnings}); still serving {PackId} {ContentHash} loaded at {LoadedAt} (checked in {ElapsedMilliseconds} ms). First errors:{FirstErrors}")]
    private partial void LogKeptLastGood(string folder, int errors, int warnings, string packId, string contentHash, DateTimeOffset loadedAt, string firstErrors, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pack folder {Folder} is not served: errors ({Errors}), warnings ({Warnings}) (checked in {ElapsedMilliseconds} ms). First errors:{FirstErrors}")]
    private partial void LogFailed(string folder, int errors, int warnings, string firstErrors, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pack folder {Folder} was removed; pack {PackId} is no longer served from it")]
    private partial void LogRemoved(string folder, string packId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded every pack folder in {ElapsedMilliseconds} ms: serving packs: {Packs}, pack folders: {Folders}, with errors: {Problems}")]
    private partial void LogLoadedAll(int packs, int folders, int problems, long elapsedMilliseconds);
}
