using System.Globalization;
using BenchmarkDotNet.Running;
using CourseKit.Bench;

// dotnet run -c Release --project bench/CourseKit.Bench -- --filter '*MatMul*'    (BenchmarkDotNet: the matrix product)
// dotnet run -c Release --project bench/CourseKit.Bench -- --filter '*MlpStep*'   (BenchmarkDotNet: one SGD step of an MLP)
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

var summaries = BenchmarkSwitcher.FromAssembly(typeof(MatMulBenchmarks).Assembly).Run(args);

// After the summaries, one line per case in the format of the reference scripts, so the two can be compared.
foreach (var summary in summaries)
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is not { } stats) continue;
        if (report.BenchmarkCase.Descriptor.Type == typeof(MlpStepBenchmark))
        {
            string variant = report.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(MlpStepBenchmark.Step) ? "" : " with dL/dx";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mlp-step CourseKit (BenchmarkDotNet){variant}: median {stats.Median / 1e3:F1} us/step (min {stats.Min / 1e3:F1}, max {stats.Max / 1e3:F1}; {stats.N} iterations; threads {Environment.ProcessorCount})"));
            continue;
        }
        var parameters = report.BenchmarkCase.Parameters;
        if (parameters.Items.FirstOrDefault(p => p.Name == "Size")?.Value is not string size) continue;
        string form = parameters.Items.FirstOrDefault(p => p.Name == "Form")?.Value as string ?? "A·B";
        double flops = MatMulSize.Flops(size);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dotnet  {form,-5} {size,-12} mean {flops / stats.Mean,7:F1} GFLOP/s  best {flops / stats.Min,7:F1} GFLOP/s  ({stats.Mean / 1e6:F3} ms)"));
    }
return 0;
