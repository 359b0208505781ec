using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ECampus.Content;

namespace ECampus.Benchmarks;

/// <summary>
/// Loading and validating 1,000 modules of about 5 KB, as 10 packs of 100 or one pack of 1,000, with a new
/// <see cref="PackLoader"/> each time. The short job measures a warmed-up process; the first-load job measures the
/// first load in a new process (JIT included), which is what a server start pays.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1, id: "FirstLoad")]
public class ColdLoadBenchmarks
{
    public const int Modules = 1000;

    private GeneratedPackSet set = null!;

    [Params(10, 1)]
    public int Packs { get; set; }

    [GlobalSetup]
    public void WritePacks() => set = GeneratedPackSet.Write(Packs, Modules / Packs);

    [GlobalCleanup]
    public void DeletePacks() => set.Dispose();

    [Benchmark]
    public int ColdLoad_1000Modules()
    {
        var loader = new PackLoader();
        var modules = 0;
        foreach (var folder in set.Packs)
        {
            modules += PackLoads.Clean(loader.Load(folder)).Modules.Count;
        }

        return modules == Modules ? modules : throw new InvalidOperationException($"Loaded {modules} modules, expected {Modules}.");
    }
}

/// <summary>
/// Reloading one pack of 100 modules after one of its files changed: the loader keeps nothing between loads, so
/// a reload reads and validates the whole pack again. The library's share of the 100 ms hot-reload budget.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ReloadBenchmarks
{
    private GeneratedPackSet set = null!;

    [GlobalSetup]
    public void WritePack() => set = GeneratedPackSet.Write(1, 100);

    [GlobalCleanup]
    public void DeletePack() => set.Dispose();

    [Benchmark]
    public Pack Load_OnePack_100Modules() => PackLoads.Clean(new PackLoader().Load(set.Packs[0]));
}

internal static class PackLoads
{
    /// <summary>The pack, or an exception: a benchmark must not quietly time the path of a broken pack.</summary>
    public static Pack Clean(PackLoadResult result) =>
        result.Pack is { } pack && result.Diagnostics.Count == 0
            ? pack
            : throw new InvalidOperationException($"The generated pack {result.Directory} has diagnostics: "
                + string.Join("; ", result.Diagnostics.Take(5)));
}
