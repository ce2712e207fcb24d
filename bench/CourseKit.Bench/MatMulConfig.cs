using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace CourseKit.Bench;

/// <summary>
/// One process, short fixed iterations (the whole run takes about a minute, so it fits in a quiet spell
/// of a shared machine) and the GFLOP/s column.
/// </summary>
public sealed class MatMulConfig : ManualConfig
{
    public MatMulConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(200)));
        AddColumn(new GflopsColumn());
    }
}
