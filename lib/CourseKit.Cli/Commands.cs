using System.CommandLine;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Export;
using Spectre.Console;

namespace CourseKit.Cli;

/// <summary>
/// The <c>coursekit</c> command line. Exit codes: 0 every cell of every notebook succeeded;
/// 1 a notebook failed or could not be read; 2 bad command-line usage.
/// </summary>
public static class Commands
{
    /// <summary>Builds the root command with <c>run</c> and <c>export</c>.</summary>
    public static RootCommand Build(IAnsiConsole console)
    {
        var root = new RootCommand("CourseKit: run the course notebooks headless and build the course site.");
        root.Add(RunCommand(console));
        root.Add(ExportCommand(console));
        root.Add(KernelCommand.Build());
        root.Add(AssignCommand.Build(console));
        root.Add(ValidateCommand.Build(console));
        root.Add(GradeCommand.Build(console));
        root.Add(GradebookCommand.Build(console));
        return root;
    }

    private static Argument<string[]> PathsArgument() => new("PATH")
    {
        Description = "Notebooks (.ipynb, .dib) or folders of notebooks",
        Arity = ArgumentArity.OneOrMore,
    };

    private static Option<double> TimeoutOption() => new("--timeout")
    {
        Description = "Time limit of one cell, in seconds",
        DefaultValueFactory = _ => ExecutionOptions.DefaultTimeout.TotalSeconds,
    };

    private static Option<bool> KeepGoingOption() => new("--keep-going")
    {
        Description = "Run the remaining cells of a notebook after a failing cell",
    };

    private static Command RunCommand(IAnsiConsole console)
    {
        var paths = PathsArgument();
        var outDir = new Option<string?>("--out") { Description = "Folder for the executed copies" };
        var timeout = TimeoutOption();
        var keepGoing = KeepGoingOption();
        var command = new Command("run", "Execute notebooks headless; exit code 0 only if every cell succeeded.") { paths, outDir, timeout, keepGoing };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = Options(parse.GetValue(timeout), parse.GetValue(keepGoing), parse.GetValue(outDir));
            if (options is null) return Usage(console, "--timeout must be a positive number of seconds");
            var results = await RunAllAsync(console, NotebookPaths.Expand(parse.GetValue(paths)!), options, cancellationToken);
            RunReport.Write(console, results);
            return results.All(r => r.Status == NotebookRunStatus.Succeeded) ? 0 : 1;
        });
        return command;
    }

    private static Command ExportCommand(IAnsiConsole console)
    {
        var paths = PathsArgument();
        var outDir = new Option<string>("--out") { Description = "Folder of the static site", Required = true };
        var timeout = TimeoutOption();
        var keepGoing = KeepGoingOption();
        var command = new Command("export", "Execute notebooks and build the static course site (works offline).") { paths, outDir, timeout, keepGoing };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var site = Path.GetFullPath(parse.GetValue(outDir)!);
            var options = Options(parse.GetValue(timeout), parse.GetValue(keepGoing), Path.Combine(site, "notebooks"));
            if (options is null) return Usage(console, "--timeout must be a positive number of seconds");
            var results = await RunAllAsync(console, NotebookPaths.Expand(parse.GetValue(paths)!), options, cancellationToken);
            try
            {
                SiteExporter.Export(results, site);
            }
            catch (SiteExportException e)
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return 1;
            }
            RunReport.Write(console, results);
            console.MarkupLine($"site written to [blue]{Markup.Escape(Path.Combine(Path.GetFullPath(site), "index.html"))}[/]");
            return results.All(r => r.Status == NotebookRunStatus.Succeeded) ? 0 : 1;
        });
        return command;
    }

    private static NotebookRunOptions? Options(double timeoutSeconds, bool keepGoing, string? outDir) =>
        timeoutSeconds is > 0 and < 1e6
            ? new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(timeoutSeconds), KeepGoing = keepGoing, OutputDirectory = outDir is null ? null : Path.GetFullPath(outDir) }
            : null;

    private static int Usage(IAnsiConsole console, string message)
    {
        console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return 2;
    }

    /// <summary>Runs the notebooks one after another, each in its own session; an unreadable one is reported and the rest still run.</summary>
    public static async Task<IReadOnlyList<NotebookRunResult>> RunAllAsync(IAnsiConsole console, IReadOnlyList<string> files, NotebookRunOptions options, CancellationToken cancellationToken)
    {
        var results = new List<NotebookRunResult>();
        foreach (var file in files)
        {
            console.MarkupLine($"running [blue]{Markup.Escape(file)}[/]");
            var result = await NotebookRunner.RunFileAsync(file, options, cancellationToken);
            if (result.Status == NotebookRunStatus.Invalid)
                console.MarkupLine($"[red]error:[/] {Markup.Escape(result.FirstError ?? "")}");
            results.Add(result);
        }
        return results;
    }
}
