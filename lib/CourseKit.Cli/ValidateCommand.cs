using System.CommandLine;
using System.Globalization;
using CourseKit.Grading.Autograding;
using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using Spectre.Console;

namespace CourseKit.Cli;

/// <summary>
/// <c>coursekit validate NOTEBOOK [--timeout S]</c>: what a student runs before handing in. Runs the notebook
/// as it is and shows each visible test with its points, result and message, and any locked cell that was
/// changed. Exit code 0 when every visible test passes, 1 otherwise.
/// </summary>
public static class ValidateCommand
{
    /// <summary>Builds the command; errors go to <paramref name="errors"/> (stderr by default).</summary>
    public static Command Build(IAnsiConsole console, TextWriter? errors = null)
    {
        var notebook = new Argument<string>("NOTEBOOK") { Description = "Your copy of the assignment (.ipynb or .dib)" };
        var timeout = new Option<double>("--timeout") { Description = "Time limit of one cell, in seconds", DefaultValueFactory = _ => ExecutionOptions.DefaultTimeout.TotalSeconds };
        var command = new Command("validate", "Run your notebook and its visible tests before handing it in.") { notebook, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = new CommandErrors(errors);
            var seconds = parse.GetValue(timeout);
            if (seconds is not (> 0 and < 1e6)) return error.Usage("--timeout must be a positive number of seconds");
            var path = Path.GetFullPath(parse.GetValue(notebook)!);
            ValidationReport report;
            try
            {
                report = await Validator.ValidateAsync(path, new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(seconds) },
                    new GradingOptions().BaselinePolicy, cancellationToken);
            }
            catch (NotebookFormatException e)
            {
                return error.Fail(e.Message);
            }
            catch (ExerciseFormatException e)
            {
                return error.Fail(e.Message);
            }
            var table = new Table().AddColumns("test", "points", "result", "message");
            foreach (var test in report.Tests)
                table.AddRow(Markup.Escape(test.GradeId), Points(test.Score) + " / " + Points(test.Points),
                    test.Passed ? "[green]passed[/]" : "[red]failed[/]", Markup.Escape(test.Message));
            console.Write(table);
            foreach (var warning in report.Warnings) console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
            console.MarkupLine($"visible tests: {Points(report.Score)} / {Points(report.MaxScore)} points; the grader also runs hidden tests");
            return report.AllPassed ? 0 : 1;
        });
        return command;
    }

    private static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
