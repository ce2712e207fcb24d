using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// Hostile cells against the batch runner (issue: execution in a worker process): each case first
/// reproduced what went wrong when cells ran inside the runner; now whatever a cell does ends only its
/// worker, the cell says what happened, and the next notebook runs as if nothing had.
/// </summary>
public class WorkerIsolationTests
{
    /// <summary>A .dib notebook of C# cells in a fresh folder.</summary>
    internal static string Notebook(string folder, string name, params string[] cells)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Concat(cells.Select(c => $"#!csharp\n\n{c}\n\n")));
        return path;
    }

    internal static string TempFolder() => Directory.CreateTempSubdirectory("coursekit-isolation-").FullName;

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public async Task Environment_Exit_ends_only_its_notebook_the_next_one_runs_and_the_exit_code_is_the_runners()
    {
        var folder = TempFolder();
        var x = Notebook(folder, "x.dib", "Console.WriteLine(\"before\");", "Environment.Exit(0);", "Console.WriteLine(\"never\");");
        var y = Notebook(folder, "y.dib", "Console.WriteLine(\"y ran\");");
        var (exit, output, _) = await InProcessCli.Run("run", x, y, "--out", Path.Combine(folder, "out"));
        Assert.Equal(1, exit);
        Assert.Contains("cell 2: the worker process exited with code 0 in cell 2", output);
        Assert.Matches(@"y\.dib\s*│\s*ok", output);
        Assert.Contains("1 of 2 notebook(s) failed", output);
        Assert.True(File.Exists(Path.Combine(folder, "out", "x.dib")), "what x ran before it exited is written");

        var results = await RunAll(x, y);
        Assert.Equal("before\n", results[0].Outputs(1).Single().Text());
        Assert.Equal(CellStatus.ProcessExited, results[0].Cells[2].Status);
        Assert.False(results[0].Cells.ContainsKey(3));
        Assert.Equal("y ran\n", results[1].Outputs(1).Single().Text());
    }

    [Fact]
    public async Task A_stack_overflow_and_FailFast_are_recorded_on_their_cell_and_the_batch_goes_on()
    {
        var folder = TempFolder();
        var overflow = Notebook(folder, "a.dib", "int Down(int n) => Down(n + 1) + 1;", "Down(0)");
        var failFast = Notebook(folder, "b.dib", "Environment.FailFast(\"gave up\");");
        var fine = Notebook(folder, "c.dib", "1 + 1");
        var results = await RunAll(overflow, failFast, fine);
        Assert.Equal(CellStatus.ProcessExited, results[0].Cells[2].Status);
        Assert.Contains("exited with code 134 (SIGABRT) in cell 2: Stack overflow", results[0].FirstError);
        Assert.Equal(CellStatus.ProcessExited, results[1].Cells[1].Status);
        Assert.Contains("gave up", results[1].FirstError);
        Assert.Equal(NotebookRunStatus.Succeeded, results[2].Status);
    }

    private static async Task<IReadOnlyList<NotebookRunResult>> RunAll(params string[] files)
    {
        var results = new List<NotebookRunResult>();
        foreach (var f in files) results.Add(await NotebookRunner.RunFileAsync(f, new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(60) }));
        return results;
    }

    [Fact]
    public async Task Console_redirection_and_culture_do_not_leak_into_the_next_notebook()
    {
        var folder = TempFolder();
        var silencer = Notebook(folder, "a.dib",
            "System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(\"de-DE\");",
            "Console.SetOut(TextWriter.Null);");
        var speaker = Notebook(folder, "b.dib", "Console.WriteLine($\"{1.5} heard\");");
        var results = await RunAll(silencer, speaker);
        Assert.Equal(NotebookRunStatus.Succeeded, results[1].Status);
        Assert.Equal("1.5 heard\n", results[1].Outputs(1).Single().Text());
    }

    [Fact]
    public async Task A_cell_that_cannot_be_interrupted_is_ended_with_its_worker_and_slows_nothing_after_it()
    {
        var folder = TempFolder();
        var sleeper = Notebook(folder, "a.dib", "Console.WriteLine(Environment.ProcessId);", "System.Threading.Thread.Sleep(600_000);");
        var clock = Stopwatch.StartNew();
        var result = await NotebookRunner.RunFileAsync(sleeper, new NotebookRunOptions
        {
            CellTimeout = TimeSpan.FromSeconds(5), // room for the first cell on a loaded machine; the sleeping one never ends by itself
        });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the run took {clock.Elapsed}");
        Assert.Equal(CellStatus.TimedOut, result.Cells[2].Status);
        Assert.Contains("so its worker process was ended", string.Concat(result.Outputs(2).Select(o => o.Text())));
        var pid = int.Parse(result.Outputs(1).Single().Text().Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(ProcessExists(pid), $"the worker {pid} still runs after its notebook ended");
    }

    [Fact]
    public async Task Foreground_threads_and_child_processes_do_not_outlive_the_notebook()
    {
        var folder = TempFolder();
        var leaver = Notebook(folder, "a.dib",
            "new System.Threading.Thread(() => { while (true) System.Threading.Thread.Sleep(50); }).Start();",
            "var child = System.Diagnostics.Process.Start(\"sleep\", \"300\"); Console.WriteLine(child.Id);",
            // a grandchild that its parent leaves behind (re-parented to init), still in the worker's process group
            "var sh = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(\"sh\", \"-c \\\"sleep 300 & echo $!\\\"\") { RedirectStandardOutput = true });"
                + " Console.WriteLine(sh!.StandardOutput.ReadLine()); sh.WaitForExit();");
        var result = await NotebookRunner.RunFileAsync(leaver, new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(60) });
        Assert.Equal(NotebookRunStatus.Succeeded, result.Status);
        foreach (var cell in new[] { 2, 3 })
        {
            var pid = int.Parse(result.Outputs(cell).Single().Text().Trim(), System.Globalization.CultureInfo.InvariantCulture);
            await WaitUntil(() => !ProcessExists(pid));
            Assert.False(ProcessExists(pid), $"process {pid} started by cell {cell} outlived its notebook");
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++) await Task.Delay(100);
    }

    /// <summary>Whether a process exists and is not a zombie.</summary>
    private static bool ProcessExists(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat)) return false;
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Cells_cannot_read_the_runners_standard_input_and_the_output_cap_is_an_option()
    {
        var folder = TempFolder();
        var reader = Notebook(folder, "a.dib", "Console.WriteLine(Console.ReadLine() is null ? \"no input\" : \"read the runner's input\");",
            "for (var i = 0; i < 100; i++) Console.WriteLine(i);");
        var ipynb = Path.Combine(folder, "a.ipynb");
        NotebookFile.Save(NotebookFile.Load(reader), ipynb);
        var (exit, output, errors) = await InProcessCli.Run("run", ipynb, "--out", Path.Combine(folder, "out"), "--output-limit", "20");
        Assert.True(exit == 0, output + errors);
        var copy = NotebookFile.Load(Path.Combine(folder, "out", "a.ipynb"));
        var code = copy.Cells.Where(c => c.Kind == CellKind.Code).ToArray();
        Assert.Equal("no input\n", code[0].Outputs.Single().Text());
        Assert.StartsWith("[… ", code[1].Outputs.Single().Text());
        Assert.EndsWith("97\n98\n99\n", code[1].Outputs.Single().Text());
    }

    [Fact]
    public async Task A_folder_without_notebooks_is_an_error()
    {
        var folder = TempFolder();
        var (exit, _, errors) = await InProcessCli.Run("run", folder);
        Assert.Equal(2, exit);
        Assert.Contains($"{folder}: no notebooks (.ipynb, .dib) in this folder", errors);
    }

    [Theory]
    [InlineData(1)] // b has not started when Ctrl-C comes: neither output is touched
    [InlineData(2)] // b ran beside a and finished, so its new output stands; a's interrupted run writes nothing
    public async Task Ctrl_C_exits_130_and_overwrites_no_earlier_outputs(int jobs)
    {
        var folder = TempFolder();
        var slow = Notebook(folder, "a.dib", "Console.WriteLine(\"started\");", "while (true) { }");
        var later = Notebook(folder, "b.dib", "1");
        var outDir = Path.Combine(folder, "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "a.dib"), "good outputs of a\n");
        File.WriteAllText(Path.Combine(outDir, "b.dib"), "good outputs of b\n");
        var before = (Hash(Path.Combine(outDir, "a.dib")), Hash(Path.Combine(outDir, "b.dib")));

        // through env, which gives the CLI the default action for SIGINT: a test host started in the background
        // (nohup, `cmd &` in a script) ignores SIGINT, and a program inherits that, as a nohup'ed one should
        var start = new ProcessStartInfo("/usr/bin/env", ["--default-signal=INT", Path.Combine(AppContext.BaseDirectory, "CourseKit.Cli"),
            "run", slow, later, "--out", outDir, "--jobs", jobs.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var cli = Process.Start(start)!;
        var stdout = cli.StandardOutput.ReadToEndAsync();
        var stderr = cli.StandardError.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(8)); // the endless cell is running
        Assert.Equal(0, Kill(cli.Id, 2)); // SIGINT, as Ctrl-C sends
        Assert.True(cli.WaitForExit(60_000), "the run did not stop after Ctrl-C");
        Assert.True(cli.ExitCode == 130, $"exit {cli.ExitCode}\n{await stdout}\n{await stderr}");
        Assert.Equal(before.Item1, Hash(Path.Combine(outDir, "a.dib")));
        if (jobs == 1) Assert.Equal(before.Item2, Hash(Path.Combine(outDir, "b.dib")));
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp", SearchOption.AllDirectories));
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public async Task Long_outputs_are_linear_capped_and_keep_their_end()
    {
        var session = new ExecutionSession(new ExecutionOptions { SetCurrentDirectory = false, OutputLimit = 100_000 });
        var clock = Stopwatch.StartNew();
        var r = await session.ExecuteAsync("for (var i = 0; i < 40_000; i++) Console.WriteLine($\"{i,8} \" + new string('x', 91));");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"40 000 lines took {clock.Elapsed}");
        var text = Assert.IsType<StreamOutput>(Assert.Single(r.Outputs)).Text;
        Assert.StartsWith("[… 3,940,000 characters of output were dropped here: a cell keeps the last 100,000 …]\n", text);
        Assert.EndsWith($"{39_999,8} " + new string('x', 91) + "\n", text);
        Assert.Equal(100_000, text.Length - text.IndexOf('\n') - 1);
    }

    [Fact]
    public async Task Output_beyond_the_cap_through_the_worker_keeps_the_end_too()
    {
        var folder = TempFolder();
        var chatty = Notebook(folder, "a.dib", "for (var i = 0; i < 1000; i++) Console.WriteLine(i);");
        var r = await NotebookRunner.RunFileAsync(chatty, new NotebookRunOptions { OutputLimit = 50 });
        var text = r.Outputs(1).Single().Text();
        Assert.Contains("characters of output were dropped here: a cell keeps the last 50", text);
        Assert.EndsWith("999\n", text);
    }

    [Fact]
    public async Task A_cell_printing_steadily_across_many_flushes_does_not_deadlock_the_worker()
    {
        // The worker's flush timer wrote the pipe through the console stream, which on Unix locks Console.Out, while
        // a cell's Console.WriteLine held Console.Out and waited for the flush: each lock waited for the other (seen
        // as a cell of a course notebook hanging until its time limit on a loaded machine). A cell that prints for
        // two seconds crosses about 40 flushes.
        var folder = TempFolder();
        var chatty = Notebook(folder, "steady.dib",
            "var clock = System.Diagnostics.Stopwatch.StartNew(); long lines = 0;\n" +
            "while (clock.ElapsedMilliseconds < 2000) { Console.WriteLine(lines++); }\n" +
            "Console.WriteLine($\"done after {lines} lines\");");
        var r = await NotebookRunner.RunFileAsync(chatty, new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(30), OutputLimit = 1000 });
        Assert.True(r.Status == NotebookRunStatus.Succeeded, r.FirstError);
        Assert.Contains("done after", r.Outputs(1).Single().Text());
    }
}
