using System.Diagnostics;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The batch front end of the engine: runs a notebook's code cells in order in a fresh
/// <see cref="ExecutionSession"/> whose working directory is the notebook's folder, stores each cell's
/// outputs and execution count in a copy of the notebook, stops at the first unexpected failure
/// (unless <see cref="NotebookRunOptions.KeepGoing"/>), and writes the copy atomically to the output
/// folder. The source file is never modified.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Loads and runs one notebook file; an unreadable file gives an <see cref="NotebookRunStatus.Invalid"/> result, not an exception.</summary>
    public static async Task<NotebookRunResult> RunFileAsync(string path, NotebookRunOptions options, CancellationToken cancellationToken = default)
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
        return await RunAsync(notebook, path, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a loaded notebook; <paramref name="path"/> gives its folder (working directory) and output name.</summary>
    public static async Task<NotebookRunResult> RunAsync(Notebook source, string path, NotebookRunOptions options, CancellationToken cancellationToken = default)
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
        var session = new ExecutionSession(new ExecutionOptions
        {
            WorkingDirectory = folder,
            CellTimeout = options.CellTimeout,
            PackageCacheDirectory = options.PackageCacheDirectory,
        });
        var results = new Dictionary<int, CellExecutionResult>();
        var previousDirectory = Directory.GetCurrentDirectory();
        string? firstError = null;
        var executed = 0;
        var failed = false;
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code) continue;
            var label = $"cell {i + 1}";
            CellExecutionResult result;
            if (!cell.IsCSharp)
            {
                var message = $"{label} is in the kernel language '{cell.KernelName}'; only C# cells are supported";
                var error = new ErrorOutput("Error", message, [message, $"   at {label}"]);
                result = new CellExecutionResult(CellStatus.Unsupported, [error], TimeSpan.Zero, 0);
            }
            else
            {
                result = await session.ExecuteAsync(cell.Source, label, cancellationToken).ConfigureAwait(false);
                cell.ExecutionCount = result.ExecutionCount;
                executed++;
            }
            cell.Outputs.AddRange(result.Outputs);
            results[i + 1] = result;
            var expected = cell.RaisesException && result.Status is CellStatus.RuntimeError or CellStatus.CompileError;
            if (result.Succeeded || expected) continue;
            failed = true;
            firstError ??= $"{label}: {FirstLine(result.Error?.Value ?? result.Status.ToString())}";
            if (!options.KeepGoing || session.BrokenBecause is not null) break;
        }

        Directory.SetCurrentDirectory(previousDirectory);
        string? outputPath = null;
        if (options.OutputDirectory is { } outDir)
        {
            outputPath = Path.Combine(outDir, Path.GetFileName(path));
            NotebookFile.Save(notebook, outputPath);
        }
        return new NotebookRunResult(path, failed ? NotebookRunStatus.Failed : NotebookRunStatus.Succeeded,
            codeCells.Length, executed, clock.Elapsed, firstError, notebook, outputPath) { Cells = results };
    }

    private static string FirstLine(string text) => text.Split('\n')[0];
}
