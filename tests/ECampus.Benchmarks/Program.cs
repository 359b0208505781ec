using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ECampus.Benchmarks;

// dotnet run -c Release --project tests/ECampus.Benchmarks -- --filter '*'   (docs/performance.md has the figures)
BenchmarkSwitcher.FromAssembly(typeof(ThroughputColumn).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new ThroughputColumn()));
