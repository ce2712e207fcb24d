// Whole-process timing of the notebook engine (not BenchmarkDotNet: "time to first result" is a
// cold-start figure that only exists once per process).
//   dotnet run -c Release --project bench/CourseKit.Notebooks.Bench
// prints: process start -> first cell's result, session creation -> first result, and the median
// wall time of a trivial cell after warm-up (targets: first result <= 3 s, trivial cell <= 30 ms).
//   dotnet run -c Release --project bench/CourseKit.Notebooks.Bench -- --cells notebooks/12-initialisation.ipynb ...
// runs each notebook as `coursekit run` does (a fresh worker) and prints its slowest cells' wall times.
using System.Diagnostics;
using CourseKit.Notebooks.Execution;

if (args is ["--cells", .. var notebooks])
{
    foreach (var path in notebooks)
    {
        var run = await NotebookRunner.RunFileAsync(path, new NotebookRunOptions());
        Console.WriteLine($"{Path.GetFileName(path)}: {run.Status}, {run.Duration.TotalSeconds:0.00} s, cells {run.Cells.Values.Sum(c => c.Duration.TotalSeconds):0.00} s"
            + (run.FirstError is { } error ? $" ({error})" : ""));
        foreach (var (cell, result) in run.Cells.OrderByDescending(c => c.Value.Duration).Take(8))
            Console.WriteLine($"  cell {cell,3}: {result.Duration.TotalSeconds,6:0.00} s");
    }
    return;
}

var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
var clock = Stopwatch.StartNew();
var session = new ExecutionSession(new ExecutionOptions { SetCurrentDirectory = false });
var first = await session.ExecuteAsync("1 + 1");
var sinceSession = clock.Elapsed;
var sinceProcess = DateTime.UtcNow - processStart;
if (!first.Succeeded) throw new InvalidOperationException("the first cell failed: " + first.Error?.Value);

for (var i = 0; i < 30; i++) await session.ExecuteAsync($"var w{i} = {i};");
var times = new List<double>();
for (var i = 0; i < 200; i++)
{
    var t = Stopwatch.StartNew();
    var r = await session.ExecuteAsync($"var x{i} = {i} + 1;");
    times.Add(t.Elapsed.TotalMilliseconds);
    if (!r.Succeeded) throw new InvalidOperationException(r.Error?.Value);
}
times.Sort();
var displayTimes = new List<double>();
for (var i = 0; i < 50; i++)
{
    var t = Stopwatch.StartNew();
    await session.ExecuteAsync($"{i} * 2");
    displayTimes.Add(t.Elapsed.TotalMilliseconds);
}
displayTimes.Sort();
Console.WriteLine($"first cell result: {sinceProcess.TotalSeconds:0.00} s after process start, {sinceSession.TotalSeconds:0.00} s after session creation");
Console.WriteLine($"trivial cell (statement), median of 200 after 30 warm-up: {times[times.Count / 2]:0.0} ms (p90 {times[times.Count * 9 / 10]:0.0} ms)");
Console.WriteLine($"trivial cell with a displayed value, median of 50: {displayTimes[displayTimes.Count / 2]:0.0} ms");
