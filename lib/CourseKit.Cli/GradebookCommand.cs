using System.CommandLine;
using System.Globalization;
using CourseKit.Grading.Gradebooks;
using Spectre.Console;

namespace CourseKit.Cli;

/// <summary>
/// <c>coursekit gradebook FILE [--csv OUT]</c> shows each student's total per assignment, or exports every
/// test row as CSV; <c>coursekit gradebook merge OUT IN...</c> joins the gradebooks of shards into OUT
/// (for each submission the newest grading wins). Exit code 0 on success, 1 for an unusable file.
/// </summary>
public static class GradebookCommand
{
    /// <summary>Builds the command; errors go to <paramref name="errors"/> (stderr by default).</summary>
    public static Command Build(IAnsiConsole console, TextWriter? errors = null)
    {
        var file = new Argument<string>("FILE") { Description = "The gradebook written by `coursekit grade`" };
        var csv = new Option<string?>("--csv") { Description = "Write every test row as CSV to this file" };
        var command = new Command("gradebook", "Show or export a gradebook, or merge the gradebooks of shards.") { file, csv };
        command.SetAction(parse =>
        {
            var error = new CommandErrors(errors);
            try
            {
                using var book = Gradebook.Open(parse.GetValue(file)!, readOnly: true);
                if (parse.GetValue(csv) is { } output)
                {
                    GradebookCsv.Write(book, output);
                    console.MarkupLine($"{book.Grades().Count} row(s) written to [blue]{Markup.Escape(Path.GetFullPath(output))}[/]");
                    return 0;
                }
                var table = new Table().AddColumns("assignment", "student", "score", "graded at");
                foreach (var s in book.Submissions())
                    table.AddRow(Markup.Escape(s.Assignment), Markup.Escape(s.Student), $"{Points(s.Score)} / {Points(s.MaxScore)}", Markup.Escape(s.GradedAt));
                console.Write(table);
                return 0;
            }
            catch (GradebookException e)
            {
                return error.Fail(e.Message);
            }
            catch (IOException e)
            {
                return error.Fail($"{parse.GetValue(csv)}: cannot be written ({e.Message})");
            }
        });
        command.Add(MergeCommand(console, errors));
        return command;
    }

    private static Command MergeCommand(IAnsiConsole console, TextWriter? errors)
    {
        var output = new Argument<string>("OUT") { Description = "The gradebook to merge into (created when missing)" };
        var inputs = new Argument<string[]>("IN") { Description = "Gradebooks to merge, e.g. one per shard", Arity = ArgumentArity.OneOrMore };
        var command = new Command("merge", "Join gradebooks (of shards) into one; for each submission the newest grading wins.") { output, inputs };
        command.SetAction(parse =>
        {
            var error = new CommandErrors(errors);
            try
            {
                using var book = Gradebook.Open(parse.GetValue(output)!);
                foreach (var input in parse.GetValue(inputs)!)
                {
                    if (Path.GetFullPath(input) == book.Path) return error.Usage($"{input} is also the output; expected the gradebooks of other shards");
                    using var part = Gradebook.Open(input, readOnly: true);
                    var taken = book.MergeFrom(part);
                    console.MarkupLine($"merged [blue]{Markup.Escape(input)}[/]: {taken} submission(s)");
                }
                console.MarkupLine($"{book.Submissions().Count} submission(s), {book.Grades().Count} row(s) in [blue]{Markup.Escape(book.Path)}[/]");
                return 0;
            }
            catch (GradebookException e)
            {
                return error.Fail(e.Message);
            }
        });
        return command;
    }

    private static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
