using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Export;
using CourseKit.Notebooks.Workers;
using Spectre.Console;

namespace CourseKit.Cli;

/// <summary>
/// Runs a list of notebooks for <c>run</c> and <c>export</c>: <c>jobs</c> at a time, each in a fresh worker
/// process taken warm from a pool, so the outputs are those of a serial run whatever the order in which they
/// finish. A notebook that cannot be read, or whose worker dies, is reported and the rest still run.
/// Cancelling stops the running notebooks (nothing is written for them) and starts no other.
/// </summary>
public static class CourseRun
{
    /// <summary>The default number of notebooks run at once: one per processor.</summary>
    public static int DefaultJobs => Environment.ProcessorCount;

    /// <summary>Runs <paramref name="files"/>; the results are in the order of <paramref name="files"/>.</summary>
    public static async Task<IReadOnlyList<NotebookRunResult>> RunAsync(IAnsiConsole console, IAnsiConsole errors, IReadOnlyList<string> files,
        NotebookRunOptions options, OutputLayout? layout, int jobs, CancellationToken cancellationToken)
    {
        var results = new NotebookRunResult?[files.Count];
        // one spare: the next notebook's worker warms up while the running ones work, without taking a core from them
        await using var workers = new WorkerPool(options.WorkerProcess, spares: 1, sessions: files.Count);
        options = options with { Workers = workers };
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(jobs, 1, Math.Max(1, files.Count)) };

        async Task RunOneAsync(int i, Action<string> started, Action<NotebookRunResult> finished)
        {
            if (cancellationToken.IsCancellationRequested) return;
            started(files[i]);
            var result = await NotebookRunner.RunFileAsync(files[i], options, layout?.ExecutedCopyPath(files[i]), cancellationToken);
            if (result.Status == NotebookRunStatus.Invalid)
                errors.MarkupLine($"[red]error:[/] {Markup.Escape(result.FirstError ?? "")}");
            results[i] = result;
            finished(result);
        }

        if (console.Profile.Capabilities.Interactive)
        {
            await console.Progress().AutoClear(true).HideCompleted(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var overall = context.AddTask($"{files.Count} notebook(s), {parallel.MaxDegreeOfParallelism} at a time", maxValue: files.Count);
                    await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), parallel, async (i, _) =>
                    {
                        ProgressTask? own = null;
                        await RunOneAsync(i,
                            file => own = context.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: 1).IsIndeterminate(),
                            _ => { own?.Increment(1); own?.StopTask(); overall.Increment(1); });
                    });
                });
        }
        else
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), parallel, async (i, _) =>
                await RunOneAsync(i, file => console.MarkupLine($"running [blue]{Markup.Escape(file)}[/]"), _ => { }));
        }
        return [.. results.OfType<NotebookRunResult>()];
    }
}
