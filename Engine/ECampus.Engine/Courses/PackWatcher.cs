using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECampus.Engine.Courses;

/// <summary>
/// Loads every pack before the site takes requests, then reloads a pack folder when anything in it changes.
/// Changes are debounced per folder (editors save in several steps: truncate then write, or write a temporary file
/// then rename it), and each folder reloads on the thread pool, one reload at a time; events that arrive during a
/// reload schedule one more. When the watcher loses events (its buffer overflowed), every pack is reloaded.
/// </summary>
public sealed partial class PackWatcher(PackCatalog catalog, IOptions<EcampusOptions> options, TimeProvider clock, ILogger<PackWatcher> logger)
    : IHostedService, IDisposable
{
    private const string EveryFolder = "";

    private readonly Lock _lock = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Dictionary<string, PendingReload> _pending = new(StringComparer.Ordinal);
    private bool _stopped;

    private TimeSpan Debounce => TimeSpan.FromMilliseconds(options.Value.PackReloadDebounceMilliseconds);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Watch first, then load: a change made while loading is then seen and reloaded, not lost.
        foreach (var root in catalog.Roots)
        {
            Watch(root);
        }

        catalog.LoadAll();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stopped = true;
            foreach (var pending in _pending.Values)
            {
                pending.Timer?.Dispose();
            }

            _pending.Clear();
        }

        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _watchers.Clear();
    }

    /// <summary>The pack folder a changed path belongs to: the first path segment under the root; null outside packs.</summary>
    public static string? PackFolderOf(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        if (relative == "." || Path.IsPathRooted(relative))
        {
            return null;
        }

        var first = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return first == ".." || !PackCatalog.IsPackFolderName(first) ? null : Path.Combine(root, first);
    }

    private void Watch(string root)
    {
        if (!Directory.Exists(root))
        {
            LogRootMissing(root);
            return;
        }

        FileSystemWatcher watcher;
        try
        {
            watcher = new FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            LogWatchFailed(e, root);
            return;
        }

        watcher.Changed += (_, e) => Changed(root, e.FullPath);
        watcher.Created += (_, e) => Changed(root, e.FullPath);
        watcher.Deleted += (_, e) => Changed(root, e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Changed(root, e.OldFullPath);
            Changed(root, e.FullPath);
        };
        watcher.Error += (_, e) =>
        {
            LogEventsLost(e.GetException(), root);
            Schedule(EveryFolder);
        };
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // E.g. the system's limit on inotify watches is reached: packs still load, they just do not reload by themselves.
            LogWatchFailed(e, root);
            watcher.Dispose();
            return;
        }

        _watchers.Add(watcher);
        LogWatching(root);
    }

    private void Changed(string root, string path)
    {
        if (PackFolderOf(root, path) is { } folder)
        {
            Schedule(folder);
        }
    }

    /// <summary>(Re)starts the folder's debounce timer: the reload runs once the folder has been quiet that long.</summary>
    private void Schedule(string key)
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            if (!_pending.TryGetValue(key, out var pending))
            {
                pending = new PendingReload(key);
                var created = pending;
                pending.Timer = clock.CreateTimer(_ => Run(created), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _pending[key] = pending;
            }

            pending.Timer!.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Run(PendingReload pending)
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            if (pending.Running)
            {
                pending.Again = true;
                return;
            }

            pending.Running = true;
        }

        try
        {
            if (pending.Key == EveryFolder)
            {
                catalog.LoadAll();
            }
            else
            {
                catalog.Reload(pending.Key);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A timer callback that throws would end the process; the next change tries again.
            LogReloadFailed(e, pending.Key);
        }
        finally
        {
            lock (_lock)
            {
                pending.Running = false;
                if (pending.Again && !_stopped)
                {
                    pending.Again = false;
                    pending.Timer!.Change(Debounce, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }

    private sealed class PendingReload(string key)
    {
        public string Key { get; } = key;

        public ITimer? Timer { get; set; }

        public bool Running { get; set; }

        public bool Again { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Root} for pack changes")]
    private partial void LogWatching(string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pack folder {Root} does not exist, so no pack is loaded or watched there; create it and restart the site")]
    private partial void LogRootMissing(string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Root}; its packs are loaded at start-up but not reloaded when they change")]
    private partial void LogWatchFailed(Exception exception, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The watcher of {Root} lost events; reloading every pack")]
    private partial void LogEventsLost(Exception exception, string root);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading {Folder} failed; the next change to it tries again")]
    private partial void LogReloadFailed(Exception exception, string folder);
}
