using System.Globalization;
using BenchmarkDotNet.Running;
using CourseKit.Bench;

// dotnet run -c Release --project bench/CourseKit.Bench -- --filter '*MatMul*'
var summaries = BenchmarkSwitcher.FromAssembly(typeof(MatMulBenchmarks).Assembly).Run(args);

// The same one-line-per-product format as bench/reference/matmul_numpy.py, so the two can be compared.
foreach (var summary in summaries)
    foreach (var report in summary.Reports)
    {
        var parameters = report.BenchmarkCase.Parameters;
        if (parameters.Items.FirstOrDefault(p => p.Name == "Size")?.Value is not string size
            || report.ResultStatistics is not { } stats) continue;
        string form = parameters.Items.FirstOrDefault(p => p.Name == "Form")?.Value as string ?? "A·B";
        double flops = MatMulSize.Flops(size);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dotnet  {form,-5} {size,-12} mean {flops / stats.Mean,7:F1} GFLOP/s  best {flops / stats.Min,7:F1} GFLOP/s  ({stats.Mean / 1e6:F3} ms)"));
    }
return 0;
