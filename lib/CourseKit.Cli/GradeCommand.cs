using System.CommandLine;
using System.Globalization;
using CourseKit.Grading.Autograding;
using CourseKit.Grading.Exercises;
using CourseKit.Grading.Gradebooks;
using CourseKit.Notebooks.Documents;
using Spectre.Console;

namespace CourseKit.Cli;

/// <summary>
/// <c>coursekit grade SOURCE --submissions DIR --gradebook FILE [--jobs N] [--timeout S] [--notebook-timeout S]
/// [--memory MB] [--feedback DIR] [--regrade] [--shard K/N] [--run-every-cell]</c>: grades every student folder of DIR (or the
/// K-th of N slices) against the source, into a SQLite gradebook, with a progress bar. Resumable: rerun the
/// same command after an interruption. Exit code 0 when every submission was graded or skipped; 1 when the
/// source is invalid, a submission could not be graded or the run was interrupted; 2 for bad usage.
/// </summary>
public static class GradeCommand
{
    /// <summary>Builds the command; errors go to <paramref name="errors"/> (stderr by default).</summary>
    public static Command Build(IAnsiConsole console, TextWriter? errors = null)
    {
        var source = new Argument<string>("SOURCE") { Description = "The instructor's source notebook (with solutions and hidden tests)" };
        var submissions = new Option<string>("--submissions") { Description = "Folder with one sub-folder per student, each holding that student's notebook", Required = true };
        var gradebook = new Option<string>("--gradebook") { Description = "SQLite gradebook to write (created when missing)", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "Submissions graded at once", DefaultValueFactory = _ => 1 };
        var timeout = new Option<double>("--timeout") { Description = "Time limit of one cell, in seconds", DefaultValueFactory = _ => GradingOptions.DefaultCellTimeout.TotalSeconds };
        var notebookTimeout = new Option<double>("--notebook-timeout") { Description = "Time limit of one submission, in seconds", DefaultValueFactory = _ => GradingOptions.DefaultNotebookTimeout.TotalSeconds };
        var memory = new Option<int>("--memory") { Description = "Memory cap of a submission's process, in MB", DefaultValueFactory = _ => GradingOptions.DefaultMemoryLimitMegabytes };
        var feedback = new Option<string?>("--feedback") { Description = "Folder for one HTML feedback page per student" };
        var regrade = new Option<bool>("--regrade") { Description = "Grade again also the submissions that did not change" };
        var everyCell = new Option<bool>("--run-every-cell") { Description = "Run the cells after the last test too (they cannot change a grade; for feedback with every output)" };
        var shard = new Option<string?>("--shard") { Description = "Grade only the K-th of N stable slices of the class, e.g. 2/4 (for job arrays)" };
        var command = new Command("grade", "Grade students' notebooks against the source's tests (hidden ones included) into a gradebook.")
        {
            source, submissions, gradebook, jobs, timeout, notebookTimeout, memory, feedback, regrade, shard, everyCell,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = new CommandErrors(errors);
            if (parse.GetValue(jobs) is < 1 or > 256) return error.Usage("--jobs must be a whole number from 1 to 256");
            if (parse.GetValue(timeout) is not (> 0 and < 1e6)) return error.Usage("--timeout must be a positive number of seconds");
            if (parse.GetValue(notebookTimeout) is not (> 0 and < 1e6)) return error.Usage("--notebook-timeout must be a positive number of seconds");
            if (parse.GetValue(memory) < 16) return error.Usage("--memory must be at least 16 (MB)");
            var slice = Shard.All;
            if (parse.GetValue(shard) is { } text)
            {
                try { slice = Shard.Parse(text); }
                catch (FormatException e) { return error.Usage(e.Message); }
            }

            ExerciseNotebook exercise;
            Grader grader;
            IReadOnlyList<Submission> handedIn;
            try
            {
                exercise = ExerciseNotebook.Load(Path.GetFullPath(parse.GetValue(source)!));
                grader = new Grader(exercise, new GradingOptions
                {
                    CellTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                    NotebookTimeout = TimeSpan.FromSeconds(parse.GetValue(notebookTimeout)),
                    MemoryLimitMegabytes = parse.GetValue(memory),
                    RunEveryCell = parse.GetValue(everyCell),
                });
                handedIn = Submission.Find(Path.GetFullPath(parse.GetValue(submissions)!), Path.GetFileName(exercise.Path));
            }
            catch (Exception e) when (e is NotebookFormatException or ExerciseFormatException or DirectoryNotFoundException)
            {
                return error.Fail(e.Message);
            }

            var options = new GradingRunOptions
            {
                Jobs = parse.GetValue(jobs),
                Regrade = parse.GetValue(regrade),
                FeedbackDirectory = parse.GetValue(feedback) is { } folder ? Path.GetFullPath(folder) : null,
                Shard = slice,
            };
            var count = handedIn.Count(s => slice.Contains(s.Student));
            IReadOnlyList<GradingRunEntry> entries;
            try
            {
                using var book = Gradebook.Open(parse.GetValue(gradebook)!);
                entries = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"grading {Markup.Escape(exercise.Name)} ({count} submissions, shard {slice})", maxValue: Math.Max(1, count));
                        var result = await GradingRun.RunAsync(grader, handedIn, book, options, _ => task.Increment(1), cancellationToken);
                        task.Value = task.MaxValue;
                        return result;
                    });
            }
            catch (GradebookException e)
            {
                return error.Fail(e.Message);
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                return error.Fail($"{parse.GetValue(gradebook)}: cannot be written ({e.Message})");
            }
            catch (OperationCanceledException)
            {
                return error.Fail("grading was interrupted; the submissions graded so far are recorded: run the same command again to resume");
            }

            var table = new Table().AddColumns("student", "score", "status", "note");
            foreach (var entry in entries)
                table.AddRow(Markup.Escape(entry.Student), $"{Points(entry.Score)} / {Points(entry.MaxScore)}",
                    entry.Status switch { SubmissionStatus.Graded => "[green]graded[/]", SubmissionStatus.Skipped => "unchanged", _ => "[red]failed[/]" },
                    Markup.Escape(entry.Message ?? ""));
            console.Write(table);
            var failed = entries.Where(e => e.Status == SubmissionStatus.Failed).ToArray();
            console.MarkupLine($"{entries.Count(e => e.Status == SubmissionStatus.Graded)} graded, {entries.Count(e => e.Status == SubmissionStatus.Skipped)} unchanged, {failed.Length} failed; gradebook [blue]{Markup.Escape(Path.GetFullPath(parse.GetValue(gradebook)!))}[/]");
            return failed.Length == 0 ? 0 : error.Fail(string.Join("\n", failed.Select(f => $"{f.Student}: {f.Message}")));
        });
        return command;
    }

    private static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
