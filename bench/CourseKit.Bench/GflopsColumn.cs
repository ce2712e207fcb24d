using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CourseKit.Bench;

/// <summary>A summary column with 2·m·n·k / mean time, read from the benchmark's <c>Size</c> parameter.</summary>
public sealed class GflopsColumn : IColumn
{
    public string Id => nameof(GflopsColumn);
    public string ColumnName => "GFLOP/s";
    public string Legend => "2·m·n·k / mean time, in 10^9 floating-point operations per second";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        Gflops(summary, benchmarkCase) is double g ? g.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "NA";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <summary>GFLOP/s of one case, or null when it has no Size parameter or no result.</summary>
    public static double? Gflops(Summary summary, BenchmarkCase benchmarkCase)
    {
        var size = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Size")?.Value as string;
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return size is null || mean is null ? null : MatMulSize.Flops(size) / mean.Value; // flops per ns = GFLOP/s
    }
}
