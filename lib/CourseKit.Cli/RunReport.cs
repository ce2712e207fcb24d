using CourseKit.Notebooks.Execution;
using Spectre.Console;

namespace CourseKit.Cli;

/// <summary>Prints the summary table of a run: notebook, status, cells, time, first error.</summary>
public static class RunReport
{
    /// <summary>Writes the table to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<NotebookRunResult> results)
    {
        var table = new Table().AddColumns("notebook", "status", "cells", "time", "first error");
        foreach (var r in results)
        {
            var status = r.Status switch
            {
                NotebookRunStatus.Succeeded => "[green]ok[/]",
                NotebookRunStatus.Failed => "[red]failed[/]",
                NotebookRunStatus.Cancelled => "[yellow]cancelled[/]",
                _ => "[red]invalid[/]",
            };
            table.AddRow(
                Markup.Escape(Path.GetFileName(r.SourcePath)),
                status,
                $"{r.ExecutedCells}/{r.CodeCells}",
                $"{r.Duration.TotalSeconds:0.0} s",
                Markup.Escape(r.FirstError ?? ""));
        }
        console.Write(table);
        var failed = results.Count(r => r.Status != NotebookRunStatus.Succeeded);
        console.MarkupLine(failed == 0
            ? $"[green]{results.Count} notebook(s) succeeded[/]"
            : $"[red]{failed} of {results.Count} notebook(s) failed[/]");
    }
}
