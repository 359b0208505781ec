using BenchmarkDotNet.Attributes;
using ECampus.Engine;
using ECampus.Engine.Courses;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ECampus.Benchmarks;

/// <summary>
/// The whole hot-reload path as a site runs it: one module file of a 100-module pack is saved, and the time runs
/// until the catalog serves the new version — file-system notification, the debounce (50 ms by default, counted),
/// reading and validating the pack again, and the snapshot swap. The target is under 100 ms.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class HotReloadBenchmarks
{
    private GeneratedPackSet set = null!;
    private PackCatalog catalog = null!;
    private PackWatcher watcher = null!;
    private string module = null!;
    private string original = null!;
    private int edits;

    [Params(50, 0)]
    public int DebounceMilliseconds { get; set; }

    [GlobalSetup]
    public void Start()
    {
        set = GeneratedPackSet.Write(1, 100);
        var options = Options.Create(new EcampusOptions { PackFolders = [set.Root], PackReloadDebounceMilliseconds = DebounceMilliseconds });
        catalog = new PackCatalog(options, NullLogger<PackCatalog>.Instance, TimeProvider.System);
        watcher = new PackWatcher(catalog, options, TimeProvider.System, NullLogger<PackWatcher>.Instance);
        watcher.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (catalog.Packs.Count != 1)
        {
            throw new InvalidOperationException("The generated pack did not load.");
        }

        module = Directory.GetFiles(set.Packs[0], "*.md").Order(StringComparer.Ordinal).First();
        original = File.ReadAllText(module);
    }

    [GlobalCleanup]
    public void Stop()
    {
        watcher.Dispose();
        set.Dispose();
    }

    [Benchmark]
    public async Task<string> SaveOneModule_UntilTheNewVersionServes()
    {
        var before = catalog.Packs[0].ContentHash;
        var generation = catalog.Generation;
        File.WriteAllText(module, original + $"\nEdited {++edits} times.\n");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (catalog.Packs[0].ContentHash == before)
        {
            generation = await catalog.WaitForGenerationAsync(generation, timeout.Token);
        }

        return catalog.Packs[0].ContentHash;
    }
}
