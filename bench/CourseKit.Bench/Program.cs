using System.Globalization;
using BenchmarkDotNet.Running;
using CourseKit.Bench;

// dotnet run -c Release --project bench/CourseKit.Bench -- --filter '*MlpStep*'   (BenchmarkDotNet)
// dotnet run -c Release --project bench/CourseKit.Bench -- --mlp-step [--with-input-gradient]   (Stopwatch, the reference scripts' format)
// dotnet run -c Release --project bench/CourseKit.Bench -- --mlp-phases           (time of each phase of the step)
if (args is ["--mlp-step", ..])
{
    MlpStepTiming.Run(inputGradient: args.Contains("--with-input-gradient"));
    return 0;
}
if (args is ["--mlp-phases"])
{
    MlpStepTiming.Phases();
    return 0;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(MlpStepBenchmark).Assembly).Run(args);

// The MLP step in the reference scripts' one-line format.
foreach (var summary in summaries)
    foreach (var report in summary.Reports)
    {
        if (report.BenchmarkCase.Descriptor.Type != typeof(MlpStepBenchmark) || report.ResultStatistics is not { } stats) continue;
        string variant = report.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(MlpStepBenchmark.Step) ? "" : " with dL/dx";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlp-step CourseKit (BenchmarkDotNet){variant}: median {stats.Median / 1e3:F1} us/step (min {stats.Min / 1e3:F1}, max {stats.Max / 1e3:F1}; {stats.N} iterations; threads {Environment.ProcessorCount})"));
    }
return 0;
