using System.Diagnostics;
using System.Globalization;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Workers;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The batch front end of the engine: runs a notebook's code cells in order in a fresh session in its
/// own worker process (<see cref="WorkerSession"/>), with the notebook's folder as working directory,
/// stores each cell's outputs and execution count in a copy of the notebook, stops at the first
/// unexpected failure (unless <see cref="NotebookRunOptions.KeepGoing"/>), and writes the copy
/// atomically. Whatever a cell does — exit, crash, overflow its stack, never stop — ends only its
/// worker: it is recorded on that cell and the run reports it. The source file is never modified,
/// and a cancelled run writes nothing.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Loads and runs one notebook file; an unreadable file gives an <see cref="NotebookRunStatus.Invalid"/> result, not an exception.</summary>
    /// <param name="path">The notebook.</param>
    /// <param name="options">The run's settings.</param>
    /// <param name="outputPath">Where to write the executed copy; null for <see cref="NotebookRunOptions.OutputDirectory"/>/name, or nowhere.</param>
    /// <param name="cancellationToken">Cancels the run (Ctrl-C): the running cell is interrupted and nothing is written.</param>
    public static async Task<NotebookRunResult> RunFileAsync(string path, NotebookRunOptions options, string? outputPath = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        Notebook notebook;
        try
        {
            notebook = NotebookFile.Load(path);
        }
        catch (NotebookFormatException e)
        {
            return new NotebookRunResult(path, NotebookRunStatus.Invalid, 0, 0, clock.Elapsed, e.Message, null, null);
        }
        return await RunAsync(notebook, path, options, outputPath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a loaded notebook; <paramref name="path"/> gives its folder (where <c>#r</c> paths resolve) and output name.</summary>
    public static async Task<NotebookRunResult> RunAsync(Notebook source, string path, NotebookRunOptions options, string? outputPath = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var codeCells = source.CodeCells.ToArray();
        if (!codeCells.Any(c => c.Cell.IsCSharp))
        {
            var problem = new NotebookFormatException(path, "the notebook has no C# code cells; expected at least one cell of kernel 'csharp'");
            return new NotebookRunResult(path, NotebookRunStatus.Invalid, codeCells.Length, 0, clock.Elapsed, problem.Message, null, null);
        }

        var notebook = source.CloneWithoutOutputs();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var sessionOptions = new ExecutionOptions
        {
            WorkingDirectory = folder,
            SetCurrentDirectory = !options.Sandbox, // a sandboxed worker stays in its own temporary folder
            CellTimeout = options.CellTimeout,
            OutputLimit = options.OutputLimit,
            PackageCacheDirectory = options.PackageCacheDirectory,
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.NotebookTimeout is { } limit) deadline.CancelAfter(limit);

        WorkerSession session;
        try
        {
            session = await WorkerSession.StartAsync(sessionOptions, options.Workers, options.WorkerProcess, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkerException e)
        {
            return new NotebookRunResult(path, NotebookRunStatus.Failed, codeCells.Length, 0, clock.Elapsed, e.Message, notebook, null);
        }
        catch (OperationCanceledException)
        {
            return new NotebookRunResult(path, NotebookRunStatus.Cancelled, codeCells.Length, 0, clock.Elapsed, "the run was cancelled", notebook, null);
        }

        var results = new Dictionary<int, CellExecutionResult>();
        string? firstError = null;
        var executed = 0;
        var failed = false;
        await using (session.ConfigureAwait(false))
        {
            var end = Math.Min(notebook.Cells.Count, options.LastCell ?? int.MaxValue);
            for (var i = 0; i < end && !cancellationToken.IsCancellationRequested; i++)
            {
                var cell = notebook.Cells[i];
                if (cell.Kind != CellKind.Code) continue;
                var label = $"cell {i + 1}";
                CellExecutionResult result;
                if (!cell.IsCSharp)
                {
                    var message = $"{label} is in the kernel language '{cell.KernelName}'; only C# cells are supported";
                    result = new CellExecutionResult(CellStatus.Unsupported, [new ErrorOutput("Error", message, [message, $"   at {label}"])], TimeSpan.Zero, 0);
                }
                else if (deadline.IsCancellationRequested)
                {
                    result = NotebookTimedOut(label, options.NotebookTimeout!.Value, []);
                }
                else
                {
                    result = await session.ExecuteAsync(cell.Source, label, options.Policy?.Invoke(cell), deadline.Token).ConfigureAwait(false);
                    if (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested && result.Status == CellStatus.Cancelled)
                        result = NotebookTimedOut(label, options.NotebookTimeout!.Value, result.Outputs);
                    cell.ExecutionCount = result.ExecutionCount;
                    executed++;
                }
                cell.Outputs.AddRange(result.Outputs);
                results[i + 1] = result;
                var expected = cell.RaisesException && result.Status is CellStatus.RuntimeError or CellStatus.CompileError;
                if (result.Succeeded || expected) continue;
                failed = true;
                var reason = FirstLine(result.Error?.Value ?? result.Status.ToString());
                firstError ??= reason.StartsWith(label, StringComparison.Ordinal) ? reason : $"{label}: {reason}";
                if (!options.KeepGoing || session.EndedBecause is not null) break;
            }
        }

        if (cancellationToken.IsCancellationRequested)
            return new NotebookRunResult(path, NotebookRunStatus.Cancelled, codeCells.Length, executed, clock.Elapsed,
                firstError ?? "the run was cancelled", notebook, null) { Cells = results };
        outputPath ??= options.OutputDirectory is { } outDir ? Path.Combine(outDir, Path.GetFileName(path)) : null;
        if (outputPath is not null) NotebookFile.Save(notebook, outputPath);
        return new NotebookRunResult(path, failed ? NotebookRunStatus.Failed : NotebookRunStatus.Succeeded,
            codeCells.Length, executed, clock.Elapsed, firstError, notebook, outputPath) { Cells = results };
    }

    private static CellExecutionResult NotebookTimedOut(string label, TimeSpan limit, IReadOnlyList<CellOutput> outputs)
    {
        var message = $"the notebook exceeded its time limit of {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s in {label}";
        var kept = outputs.Where(o => o is not ErrorOutput).Append(new ErrorOutput("Error", $"System.TimeoutException: {message}", [message, $"   at {label}"]));
        return new CellExecutionResult(CellStatus.TimedOut, kept.ToArray(), TimeSpan.Zero, 0);
    }

    private static string FirstLine(string text) => text.Split('\n')[0];
}
