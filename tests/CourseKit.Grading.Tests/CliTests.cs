using System.CommandLine;
using CourseKit.Cli;
using CourseKit.Notebooks.Documents;
using Spectre.Console;

namespace CourseKit.Grading.Tests;

/// <summary>The grading commands, run in process as `coursekit` runs them.</summary>
public class CliTests
{
    internal static async Task<(int Exit, string Output, string Errors)> Run(params string[] args)
    {
        var writer = new StringWriter();
        var errors = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 400;
        var root = new RootCommand
        {
            AssignCommand.Build(console, errors), ValidateCommand.Build(console, errors), GradeCommand.Build(console, errors), GradebookCommand.Build(console, errors),
        };
        var parse = root.Parse(args);
        var exit = await parse.InvokeAsync();
        return (parse.Errors.Count > 0 ? 2 : exit, writer.ToString(), errors.ToString());
    }

    [Fact]
    public async Task The_whole_loop_assign_validate_grade_export_and_merge()
    {
        var c = new ClassFolder();
        var release = Path.Combine(c.Root, "release");
        var (exit, output, errors) = await Run("assign", c.SourcePath, "--out", release);
        Assert.True(exit == 0, errors);
        Assert.Contains("assigned sheet.ipynb: 2 exercise(s), 2 test(s), 5 point(s)", output);
        var released = NotebookFile.Load(Path.Combine(release, "sheet.ipynb"));
        Assert.DoesNotContain(Sheet.HiddenMarker, File.ReadAllText(Path.Combine(release, "sheet.ipynb")));

        var ada = c.HandIn("ada", released.Solve("relu", Sheet.ReluSolution).Solve("mean", Sheet.MeanSolution));
        (exit, output, errors) = await Run("validate", ada, "--timeout", "30");
        Assert.True(exit == 0, output + errors);
        Assert.Contains("visible tests: 5 / 5 points", output);
        var bob = c.HandIn("bob", NotebookFile.Load(Path.Combine(release, "sheet.ipynb")));
        (exit, output, _) = await Run("validate", bob, "--timeout", "30");
        Assert.Equal(1, exit);
        Assert.Contains("relu-test | 0 / 2  | failed | System.NotImplementedException", output.Replace("│", "|"));

        var book = Path.Combine(c.Root, "book.db");
        (exit, output, errors) = await Run("grade", c.SourcePath, "--submissions", c.SubmissionsFolder, "--gradebook", book, "--timeout", "30", "--feedback", c.FeedbackFolder);
        Assert.True(exit == 0, output + errors);
        Assert.Contains("2 graded, 0 unchanged, 0 failed", output);
        Assert.True(File.Exists(Path.Combine(c.FeedbackFolder, "bob", "sheet.html")));
        (exit, output, _) = await Run("grade", c.SourcePath, "--submissions", c.SubmissionsFolder, "--gradebook", book, "--timeout", "30", "--feedback", c.FeedbackFolder);
        Assert.Equal(0, exit);
        Assert.Contains("0 graded, 2 unchanged, 0 failed", output);

        var csv = Path.Combine(c.Root, "grades.csv");
        (exit, _, errors) = await Run("gradebook", book, "--csv", csv);
        Assert.True(exit == 0, errors);
        Assert.Equal([
            "student,assignment,grade_id,score,max_score,passed,message",
            "ada,sheet,mean-test,3,3,true,",
            "ada,sheet,relu-test,2,2,true,",
            "bob,sheet,mean-test,0,3,false,System.NotImplementedException: The method or operation is not implemented.",
            "bob,sheet,relu-test,0,2,false,System.NotImplementedException: The method or operation is not implemented.",
        ], File.ReadAllText(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        var merged = Path.Combine(c.Root, "merged.db");
        (exit, output, errors) = await Run("gradebook", "merge", merged, book);
        Assert.True(exit == 0, errors);
        Assert.Contains("2 submission(s), 4 row(s)", output);
        (exit, output, _) = await Run("gradebook", merged);
        Assert.Equal(0, exit);
        Assert.Contains("sheet      | ada     | 5 / 5", output.Replace("│", "|"));
    }

    [Fact]
    public async Task An_authoring_error_writes_nothing_and_names_the_file_and_cells_on_stderr()
    {
        var source = Sheet.Source();
        source.Cell("mean-test").Metadata[Exercises.GradingMetadata.Key]!["grade_id"] = "relu-test";
        var c = new ClassFolder(source);
        var release = Path.Combine(c.Root, "release");
        var (exit, _, errors) = await Run("assign", c.SourcePath, "--out", release);
        Assert.Equal(1, exit);
        Assert.Equal($"error: {c.SourcePath}: cells 5 and 8 all have grade_id 'relu-test'; expected each grade_id once, so that the grader finds every cell in a student's copy\n",
            errors.Replace("\r\n", "\n"));
        Assert.False(Directory.Exists(release));
        (exit, _, errors) = await Run("grade", c.SourcePath, "--submissions", c.SubmissionsFolder, "--gradebook", Path.Combine(c.Root, "b.db"));
        Assert.Equal(1, exit);
        Assert.Contains("all have grade_id 'relu-test'", errors);
    }

    [Theory]
    [InlineData("--jobs", "0", "error: --jobs must be a whole number from 1 to 256")]
    [InlineData("--shard", "3/2", "error: --shard '3/2' is not K/N with 1 <= K <= N (for example 2/4)")]
    [InlineData("--timeout", "-1", "error: --timeout must be a positive number of seconds")]
    [InlineData("--memory", "1", "error: --memory must be at least 16 (MB)")]
    public async Task Bad_options_are_usage_errors(string option, string value, string message)
    {
        var c = new ClassFolder();
        var (exit, _, errors) = await Run("grade", c.SourcePath, "--submissions", c.SubmissionsFolder, "--gradebook", Path.Combine(c.Root, "b.db"), option, value);
        Assert.Equal(2, exit);
        Assert.Equal(message, errors.Trim());
    }

    [Fact]
    public async Task Missing_things_are_one_line_errors()
    {
        var c = new ClassFolder();
        var (exit, _, errors) = await Run("grade", c.SourcePath, "--submissions", Path.Combine(c.Root, "nope"), "--gradebook", Path.Combine(c.Root, "b.db"));
        Assert.Equal(1, exit);
        Assert.Equal($"error: {Path.Combine(c.Root, "nope")}: submissions folder not found; expected a folder with one sub-folder per student", errors.Trim());
        (exit, _, errors) = await Run("gradebook", Path.Combine(c.Root, "none.db"), "--csv", "x.csv");
        Assert.Equal(1, exit);
        Assert.Equal($"error: {Path.Combine(c.Root, "none.db")}: file not found; expected a gradebook written by `coursekit grade`", errors.Trim());
        (exit, _, _) = await Run("grade", c.SourcePath, "--gradebook", "b.db");
        Assert.Equal(2, exit);
        (exit, _, errors) = await Run("assign", c.SourcePath, "--out", Path.GetDirectoryName(c.SourcePath)!);
        Assert.Equal(2, exit);
        Assert.Contains("writing there would replace the source notebook", errors);
    }
}
