using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ECampus.Benchmarks;

/// <summary>Input bytes handled per second, in MB/s (1 MB = 10^6 bytes): Markdown rendered, or pack files loaded.</summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "Input MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input bytes (Markdown body, or every pack file) per second of the mean, 1 MB = 10^6 bytes";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not > 0 || BytesPerOperation(benchmarkCase) is not { } bytes)
        {
            return "-";
        }

        return (bytes / (mean.Value / 1e9) / 1e6).ToString("N1", CultureInfo.InvariantCulture);
    }

    private static long? BytesPerOperation(BenchmarkCase benchmarkCase) => benchmarkCase.Descriptor.WorkloadMethod.Name switch
    {
        nameof(RenderBenchmarks.Render_LessonPage) => LessonPage.BodyBytes,
        nameof(ReloadBenchmarks.Load_OnePack_100Modules) => GeneratedPackSet.TotalBytes(1, 100),
        nameof(ColdLoadBenchmarks.ColdLoad_1000Modules) when benchmarkCase.Parameters["Packs"] is int packs =>
            GeneratedPackSet.TotalBytes(packs, ColdLoadBenchmarks.Modules / packs),
        _ => null,
    };
}
