using ECampus.Content;
using ECampus.Engine.Courses;
using ECampus.Engine.Plugins;
using Microsoft.Extensions.Logging.Abstractions;

namespace ECampus.Engine.Tests.Courses;

/// <summary>A pack root folder on disk (deleted afterwards), and a catalog or watcher over it.</summary>
public sealed class PackRoot : IDisposable
{
    public PackRoot() => Path = Directory.CreateTempSubdirectory("ecampus-packs-").FullName;

    public string Path { get; }

    public static string SamplePacks { get; } = System.IO.Path.Combine(FindRepositoryRoot(), "Content", "packs");

    public EcampusOptions Options(int debounceMilliseconds = 50) =>
        new() { PackFolders = [Path], PackReloadDebounceMilliseconds = debounceMilliseconds };

    public PackCatalog Catalog(PluginHost? plugins = null) =>
        new(Microsoft.Extensions.Options.Options.Create(Options()), NullLogger<PackCatalog>.Instance, TimeProvider.System, plugins);

    public PackWatcher Watcher(PackCatalog catalog, int debounceMilliseconds = 50) =>
        new(catalog, Microsoft.Extensions.Options.Options.Create(Options(debounceMilliseconds)), TimeProvider.System, NullLogger<PackWatcher>.Instance);

    public string Folder(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies a sample pack from <c>Content/packs</c> into the root and returns its folder.</summary>
    public string CopySample(string name, string? folderName = null)
    {
        var source = System.IO.Path.Combine(SamplePacks, name);
        var target = Folder(folderName ?? name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    /// <summary>A one-module pack (module <c>welcome</c> in <c>01-welcome.md</c>) as <c>ecampus pack new</c> writes it.</summary>
    public string Scaffold(string id, string? folderName = null)
    {
        var folder = Folder(folderName ?? id);
        PackScaffolder.Create(folder, id);
        return folder;
    }

    public static void Write(string folder, string relativePath, string text)
    {
        var path = System.IO.Path.Combine(folder, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>A module file; <paramref name="effort"/> is on line 3, so a bad one is reported at 3:9.</summary>
    public static string Module(string title, string body = "Some text.", string effort = "15m", string? id = null) =>
        $"---\ntitle: {title}\neffort: {effort}\n{(id is null ? "" : $"id: {id}\n")}---\n\n# {title}\n\n{body}\n";

    /// <summary>
    /// Waits (at most <paramref name="seconds"/>) until the catalog serves a snapshot that satisfies
    /// <paramref name="condition"/>, following each swap rather than sleeping.
    /// </summary>
    public static async Task<PackCatalogSnapshot> WaitForAsync(PackCatalog catalog, Func<PackCatalogSnapshot, bool> condition, string what, int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var snapshot = catalog.Snapshot;
        while (!condition(snapshot))
        {
            try
            {
                await catalog.WaitForGenerationAsync(snapshot.Generation, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Waited {seconds} s for {what}; generation {catalog.Generation}, reports:{Environment.NewLine}{Describe(catalog.Snapshot)}");
            }

            snapshot = catalog.Snapshot;
        }

        return snapshot;
    }

    public static string Describe(PackCatalogSnapshot snapshot) => string.Join(Environment.NewLine, snapshot.Reports.Select(r =>
        $"  {System.IO.Path.GetFileName(r.Folder)}: {r.State} {r.PackId} '{r.Title}' {r.ContentHash?[..12]} " +
        string.Join("; ", r.Diagnostics.Select(d => DiagnosticReport.FormatLine(d)))));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A watcher still closing; the temp folder is cleaned by the system later.
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "ECampus.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ECampus.sln not found above " + AppContext.BaseDirectory);
    }
}
