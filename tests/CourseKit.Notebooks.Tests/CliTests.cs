using CourseKit.Cli;
using Spectre.Console;

namespace CourseKit.Notebooks.Tests;

public class CliTests
{
    /// <summary>Runs the command line in-process; Output is what went to standard output, Errors to standard error.</summary>
    internal static Task<(int Exit, string Output, string Errors)> Run(params string[] args) => InProcessCli.Run(args);

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
    public async Task A_parallel_run_writes_what_a_serial_run_writes_and_reports_in_the_given_order()
    {
        // the first notebook is the slowest, so with 3 jobs the notebooks finish in the reverse of their order
        var folder = WorkerIsolationTests.TempFolder();
        string[] files =
        [
            WorkerIsolationTests.Notebook(folder, "a.dib", "System.Threading.Thread.Sleep(1500); var x = 6 * 7;", "Console.WriteLine($\"a: {x}\");"),
            WorkerIsolationTests.Notebook(folder, "b.dib", "System.Threading.Thread.Sleep(500);", "Console.WriteLine(\"b\"); throw new Exception(\"b fails\");"),
            WorkerIsolationTests.Notebook(folder, "c.dib", "Console.WriteLine(\"c\");", "1 + 1"),
        ];
        var serial = await Run(["run", .. files, "--out", Path.Combine(folder, "serial"), "--jobs", "1"]);
        var parallel = await Run(["run", .. files, "--out", Path.Combine(folder, "parallel"), "--jobs", "3"]);
        Assert.Equal(1, serial.Exit);
        Assert.Equal(1, parallel.Exit);
        foreach (var name in new[] { "a.dib", "b.dib", "c.dib" })
            Assert.Equal(File.ReadAllText(Path.Combine(folder, "serial", name)), File.ReadAllText(Path.Combine(folder, "parallel", name)));
        Assert.Contains("cell 2: System.Exception: b fails", parallel.Output);
        var rows = parallel.Output.Split('\n').Where(l => l.Contains(".dib") && l.Contains('│')).Select(l => l.Trim().Split('│')[1].Trim()).ToArray();
        Assert.Equal(["a.dib", "b.dib", "c.dib"], rows);
    }

    [Fact]
    public async Task Jobs_must_be_a_positive_number()
    {
        var (exit, _, errors) = await Run("run", "x.ipynb", "--jobs", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--jobs must be a whole number from 1 to 256", errors);
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
