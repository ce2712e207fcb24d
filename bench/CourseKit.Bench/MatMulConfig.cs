using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace CourseKit.Bench;

/// <summary>One process, a fixed number of iterations (the CPU may be shared) and the GFLOP/s column.</summary>
public sealed class MatMulConfig : ManualConfig
{
    public MatMulConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(20));
        AddColumn(new GflopsColumn());
    }
}
