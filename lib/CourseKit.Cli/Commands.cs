using System.CommandLine;
using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Export;
using CourseKit.Notebooks.Workers;
using Spectre.Console;

namespace CourseKit.Cli;

/// <summary>
/// The <c>coursekit</c> command line. Exit codes: 0 every cell of every notebook succeeded;
/// 1 a notebook failed, could not be read or (export) could not be published; 2 bad command-line usage; 130 interrupted (Ctrl-C).
/// Reports go to <c>console</c> (standard output), errors to <c>errors</c> (standard error).
/// </summary>
public static class Commands
{
    /// <summary>The exit code of a run interrupted with Ctrl-C, as shells expect (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>Builds the root command with <c>run</c>, <c>export</c> and <c>kernel</c>.</summary>
    public static RootCommand Build(IAnsiConsole console, IAnsiConsole? errors = null)
    {
        errors ??= AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var root = new RootCommand("CourseKit: run the course notebooks headless and build the course site.");
        root.Add(RunCommand(console, errors));
        root.Add(ExportCommand(console, errors));
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

    private static Option<int> JobsOption() => new("--jobs")
    {
        Description = "Notebooks run at once, each in its own worker process (default: one per processor)",
        DefaultValueFactory = _ => CourseRun.DefaultJobs,
    };

    private static Option<int> OutputLimitOption() => new("--output-limit")
    {
        Description = "Most characters of output one cell keeps (the end is kept, with a note of what was dropped)",
        DefaultValueFactory = _ => ExecutionOptions.DefaultOutputLimit,
    };

    private static Command RunCommand(IAnsiConsole console, IAnsiConsole errors)
    {
        var outDir = new Option<string?>("--out") { Description = "Folder for the executed copies" };
        return NotebookCommand("run", "Execute notebooks headless; exit code 0 only if every cell succeeded.", [outDir], errors,
            async (parse, files, options, jobs, cancellationToken) =>
            {
                OutputLayout? layout = null;
                if (parse.GetValue(outDir) is { } folder)
                {
                    layout = Plan(errors, () => OutputLayout.ForCopies(files, Path.GetFullPath(folder)));
                    if (layout is null) return 2;
                }
                var results = await CourseRun.RunAsync(console, errors, files, options, layout, jobs, cancellationToken);
                RunReport.Write(console, results);
                return ExitCode(results, cancellationToken);
            });
    }

    private static Command ExportCommand(IAnsiConsole console, IAnsiConsole errors)
    {
        var outDir = new Option<string>("--out") { Description = "Folder of the static site", Required = true };
        var instructor = new Option<bool>("--instructor")
        {
            Description = "Build the instructor's site: solutions, hidden tests and their outputs shown, copies as they ran (not for students)",
        };
        return NotebookCommand("export",
            "Execute notebooks and build the static course site (works offline): the student view, exercises' solutions and hidden tests hidden.",
            [outDir, instructor], errors,
            async (parse, files, options, jobs, cancellationToken) =>
            {
                var site = Path.GetFullPath(parse.GetValue(outDir)!);
                if (Plan(errors, () => OutputLayout.ForSite(files, site)) is not { } layout) return 2;
                // no executed copies from the run: the site's copies are the view's, written by the exporter
                var results = await CourseRun.RunAsync(console, errors, files, options, null, jobs, cancellationToken);
                if (cancellationToken.IsCancellationRequested)
                {
                    RunReport.Write(console, results);
                    return Interrupted; // a site of half a course would replace a whole one
                }
                try
                {
                    var view = parse.GetValue(instructor) ? ISiteView.AsRun : new StudentSiteView();
                    var published = SiteExporter.Export(results, layout, new SiteOptions { View = view });
                    foreach (var refused in published.Where((r, i) => r.Status != results[i].Status)) // the view refused it: say why
                        errors.MarkupLine($"[red]error:[/] {Markup.Escape(refused.FirstError ?? refused.SourcePath)}");
                    results = published;
                }
                catch (SiteExportException e)
                {
                    errors.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                    return 1;
                }
                RunReport.Write(console, results);
                console.MarkupLine($"site written to [blue]{Markup.Escape(Path.Combine(site, "index.html"))}[/]");
                return ExitCode(results, cancellationToken);
            });
    }

    /// <summary>
    /// A command that runs notebooks (<c>run</c>, <c>export</c>): the PATH arguments, the run settings and the command's
    /// <paramref name="own"/> options, checked (exit code 2 when one is off) and the paths expanded to notebook files before
    /// <paramref name="act"/> gets the files, the run options and the number of jobs.
    /// </summary>
    private static Command NotebookCommand(string name, string description, Option[] own, IAnsiConsole errors,
        Func<ParseResult, IReadOnlyList<string>, NotebookRunOptions, int, CancellationToken, Task<int>> act)
    {
        var paths = PathsArgument();
        var timeout = TimeoutOption();
        var keepGoing = KeepGoingOption();
        var outputLimit = OutputLimitOption();
        var jobs = JobsOption();
        var command = new Command(name, description) { paths, timeout, keepGoing, outputLimit, jobs };
        foreach (var option in own) command.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = Options(parse.GetValue(timeout), parse.GetValue(keepGoing), parse.GetValue(outputLimit));
            if (options is null) return Usage(errors, "--timeout must be a positive number of seconds and --output-limit a positive number of characters");
            if (parse.GetValue(jobs) is < 1 or > 256) return Usage(errors, "--jobs must be a whole number from 1 to 256");
            if (Expand(errors, parse.GetValue(paths)!) is not { } files) return 2;
            return await act(parse, files, options, parse.GetValue(jobs), cancellationToken);
        });
        return command;
    }

    private static NotebookRunOptions? Options(double timeoutSeconds, bool keepGoing, int outputLimit) =>
        timeoutSeconds is > 0 and < 1e6 && outputLimit > 0
            ? new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(timeoutSeconds), KeepGoing = keepGoing, OutputLimit = outputLimit }
            : null;

    /// <summary>Where every output goes, decided before anything runs; null (after saying why) when an output would replace a source or the folder is unusable.</summary>
    private static OutputLayout? Plan(IAnsiConsole errors, Func<OutputLayout> plan)
    {
        try
        {
            return plan();
        }
        catch (OutputLayoutException e)
        {
            errors.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return null;
        }
    }

    private static int Usage(IAnsiConsole errors, string message)
    {
        errors.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return 2;
    }

    private static int ExitCode(IReadOnlyList<NotebookRunResult> results, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Interrupted
        : results.All(r => r.Status == NotebookRunStatus.Succeeded) ? 0 : 1;

    /// <summary>The notebook files of the PATH arguments, or null (after saying why) when a folder holds none.</summary>
    private static IReadOnlyList<string>? Expand(IAnsiConsole errors, IEnumerable<string> paths)
    {
        var expanded = NotebookPaths.Expand(paths);
        if (expanded.EmptyFolders.Count == 0) return expanded.Files;
        foreach (var folder in expanded.EmptyFolders)
            errors.MarkupLine($"[red]error:[/] {Markup.Escape(folder)}: no notebooks (.ipynb, .dib) in this folder");
        return null;
    }
}
