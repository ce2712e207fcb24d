using CourseKit.Cli;
using Spectre.Console;

namespace CourseKit.Notebooks.Tests;

public class CliTests
{
    /// <summary>Runs the command line in-process; Output is what went to standard output, Errors to standard error.</summary>
    internal static async Task<(int Exit, string Output, string Errors)> Run(params string[] args)
    {
        var (writer, console) = Console();
        var (errorWriter, errors) = Console();
        var exit = await Commands.Build(console, errors).Parse(args).InvokeAsync();
        return (exit, writer.ToString(), errorWriter.ToString());
    }

    private static (StringWriter, IAnsiConsole) Console()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 400;
        return (writer, console);
    }

    [Fact]
    public async Task Run_exits_0_when_every_cell_succeeds_and_writes_executed_copies()
    {
        var folder = TestNotebooks.CopyToTemp();
        var (exit, output, _) = await Run("run", Path.Combine(folder, "state.ipynb"), Path.Combine(folder, "async.ipynb"), "--out", Path.Combine(folder, "out"));
        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(folder, "out", "async.ipynb")));
        Assert.Contains("2 notebook(s) succeeded", output);
    }

    [Fact]
    public async Task Bad_files_are_reported_with_a_nonzero_exit_while_the_other_notebooks_still_run()
    {
        var folder = TestNotebooks.CopyToTemp();
        File.WriteAllText(Path.Combine(folder, "broken.ipynb"), "{ not json");
        var (exit, output, errors) = await Run("run", Path.Combine(folder, "broken.ipynb"), Path.Combine(folder, "missing.ipynb"),
            Path.Combine(folder, "state.ipynb"), "--out", Path.Combine(folder, "out"));
        Assert.Equal(1, exit);
        Assert.Contains($"error: {Path.Combine(folder, "broken.ipynb")}: not JSON", errors);
        Assert.Contains($"error: {Path.Combine(folder, "missing.ipynb")}: file not found", errors);
        Assert.DoesNotContain("error:", output);
        Assert.True(File.Exists(Path.Combine(folder, "out", "state.ipynb")));
        Assert.Contains("2 of 3 notebook(s) failed", output);
    }

    [Fact]
    public async Task A_failing_cell_gives_exit_1_and_the_table_shows_the_first_error()
    {
        var folder = TestNotebooks.CopyToTemp();
        var (exit, output, _) = await Run("run", Path.Combine(folder, "runtime-error.ipynb"), "--timeout", "30");
        Assert.Equal(1, exit);
        Assert.Contains("cell 2: System.InvalidOperationException: boom", output);
    }

    [Fact]
    public async Task A_non_positive_timeout_is_a_usage_error()
    {
        var (exit, _, errors) = await Run("run", "x.ipynb", "--timeout", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--timeout must be a positive number of seconds", errors);
        Assert.Equal(2, (await Run("run", "x.ipynb", "--output-limit", "0")).Exit);
    }
}
