using System.Text.Json.Nodes;
using CourseKit.Grading.Autograding;
using CourseKit.Grading.Exercises;
using CourseKit.Grading.Feedback;
using CourseKit.Grading.Gradebooks;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Tests;

/// <summary>
/// One hostile submission per attack, graded next to a correct one ("ada"): each attack costs the hostile
/// submission its own points, with a feedback line saying what happened, and nothing else — ada's score,
/// the gradebook and the grader stay intact. Most need the worker process (NotebookRunner running each
/// notebook in a child process honouring the time, memory, sandbox and policy options) and are skipped
/// until it is in; the policy ones also need the CodePolicyAnalyzer.
/// </summary>
public class HostileSubmissionTests
{

    /// <summary>No baseline rules: the attack must be contained by the process, not refused at compile time.</summary>
    private static readonly GradingOptions _isolated = new()
    {
        BaselinePolicy = new CodePolicy(),
        CellTimeout = TimeSpan.FromSeconds(5),
        NotebookTimeout = TimeSpan.FromSeconds(60),
        MemoryLimitMegabytes = 256,
    };

    /// <summary>Grades ada (correct) and mallory, whose ReLU cell is <paramref name="reluCell"/>; returns mallory's grade rows.</summary>
    private static async Task<(Dictionary<string, GradeRecord> Mallory, ClassFolder Class)> GradeAsync(string reluCell, GradingOptions? options = null, Action<Notebook>? changeSource = null)
    {
        var source = Sheet.Source();
        changeSource?.Invoke(source);
        var c = new ClassFolder(source);
        c.HandIn("ada", c.Correct());
        var mallory = c.StudentCopy().Solve("mean", Sheet.MeanSolution);
        mallory.Cell("relu").Source = reluCell;
        c.HandIn("mallory", mallory);

        using (var book = Gradebook.Open(c.GradebookPath))
        {
            var entries = await GradingRun.RunAsync(new Grader(c.Source, options ?? _isolated), Submission.Find(c.SubmissionsFolder, "sheet.ipynb"), book,
                new GradingRunOptions { FeedbackDirectory = c.FeedbackFolder });
            Assert.All(entries, e => Assert.Equal(SubmissionStatus.Graded, e.Status));
            Assert.Equal(5, book.Find("ada", "sheet")!.Score);   // the other submission is untouched
        }
        Assert.Equal((2, 4), ClassFolder.Count(c.GradebookPath));
        using var read = Gradebook.Open(c.GradebookPath, readOnly: true);
        return (read.Grades().Where(g => g.Student == "mallory").ToDictionary(g => g.GradeId), c);
    }

    [Fact]
    public async Task Environment_Exit_costs_the_remaining_points()
    {
        var (mallory, _) = await GradeAsync("double Relu(double x)\n{\n    Environment.Exit(0);\n    return x;\n}");
        Assert.Equal(0, mallory["relu-test"].Score);
        Assert.Contains("process ended", mallory["relu-test"].Message);
        Assert.Equal(0, mallory["mean-test"].Score);
        Assert.StartsWith("not run:", mallory["mean-test"].Message);
    }

    [Fact]
    public async Task A_cell_that_never_returns_times_out()
    {
        var (mallory, _) = await GradeAsync("double Relu(double x)\n{\n    System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);\n    return x;\n}");
        Assert.Equal(0, mallory["relu-test"].Score);
        Assert.StartsWith("timed out:", mallory["relu-test"].Message);
        Assert.Equal(0, mallory["mean-test"].Score);
    }

    [Fact]
    public async Task A_stack_overflow_costs_the_remaining_points()
    {
        var (mallory, _) = await GradeAsync("double Relu(double x) => 1 + Relu(x + 1);");
        Assert.Equal(0, mallory["relu-test"].Score);
        Assert.Contains("process ended", mallory["relu-test"].Message);
        Assert.Equal(0, mallory["mean-test"].Score);
    }

    [Fact]
    public async Task Unbounded_allocation_hits_the_memory_cap()
    {
        var (mallory, _) = await GradeAsync("""
            double Relu(double x)
            {
                var hoard = new List<double[]>();
                while (true) hoard.Add(new double[10_000_000]);
            }
            """);
        Assert.Equal(0, mallory["relu-test"].Score);
        Assert.NotEqual("", mallory["relu-test"].Message);
    }

    [Fact]
    public async Task A_crash_on_another_thread_costs_the_remaining_points()
    {
        var (mallory, _) = await GradeAsync("""
            double Relu(double x)
            {
                new System.Threading.Thread(() => throw new InvalidOperationException("boom")).Start();
                System.Threading.Thread.Sleep(3000);
                return Math.Max(0, x);
            }
            """);
        Assert.Equal(0, mallory["relu-test"].Score);
        Assert.Contains("process ended", mallory["relu-test"].Message);
    }

    [Fact]
    public async Task A_foreground_thread_does_not_keep_the_grading_alive()
    {
        var (mallory, _) = await GradeAsync("""
            new System.Threading.Thread(() => { while (true) System.Threading.Thread.Sleep(1000); }) { IsBackground = false }.Start();
            double Relu(double x) => Math.Max(0, x);
            """);
        Assert.Equal(2, mallory["relu-test"].Score);   // the code is right: the run ends, and so does the thread with its process
    }

    [Fact]
    public async Task A_child_process_does_not_outlive_the_submission()
    {
        const string Seconds = "987";
        var (mallory, _) = await GradeAsync($$"""
            System.Diagnostics.Process.Start("sleep", "{{Seconds}}");
            double Relu(double x) => Math.Max(0, x);
            """);
        Assert.Equal(2, mallory["relu-test"].Score);
        var survivors = Directory.GetDirectories("/proc").Select(d => Path.Combine(d, "cmdline")).Where(File.Exists)
            .Select(f => { try { return File.ReadAllText(f); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
            .Where(cmd => cmd == $"sleep\0{Seconds}\0");
        Assert.Empty(survivors);
    }

    [Fact]
    public async Task Printing_that_tests_passed_changes_nothing()
    {
        var (mallory, c) = await GradeAsync("""
            Console.WriteLine("relu-test passed\n10 passed, 0 failed\nScore: 5 / 5");
            double Relu(double x) => x;
            """, ClassFolder.Options);
        Assert.Equal(0, mallory["relu-test"].Score);
        Assert.Equal("System.Exception: expected Relu(-2) = 0, got -2", mallory["relu-test"].Message);
        Assert.Contains("Score: 3 / 5", File.ReadAllText(FeedbackPage.PathFor(c.FeedbackFolder, "mallory", "sheet")));
    }

    [Fact]
    public async Task A_student_defined_Check_cannot_make_a_test_pass()
    {
        var (mallory, _) = await GradeAsync("""
            void Check(bool ok, string message) { }
            double Relu(double x) => x;
            """);
        Assert.Equal(0, mallory["relu-test"].Score);
        Assert.StartsWith("not allowed in cell", mallory["relu-test"].Message);
        Assert.Contains("Check", mallory["relu-test"].Message);
    }

    [Fact]
    public async Task An_exercise_rule_holds_through_an_alias()
    {
        var (mallory, _) = await GradeAsync("using M = System.Math;\ndouble Relu(double x) => (x + M.Abs(x)) / 2;", changeSource: source =>
            source.Cell("relu").Metadata[ExerciseRules.Key] = new JsonObject { ["forbid"] = new JsonArray("System.Math.Abs"), ["reason"] = "compare with zero yourself" });
        Assert.Equal(0, mallory["relu-test"].Score);
        Assert.StartsWith("not allowed in cell", mallory["relu-test"].Message);
        Assert.Contains("compare with zero yourself", mallory["relu-test"].Message);
        Assert.Equal(3, mallory["mean-test"].Score);   // the other exercise is not affected
    }

    [Fact]
    public async Task The_hidden_tests_cannot_be_read_from_disk()
    {
        var root = Path.Combine(Path.GetTempPath(), "coursekit-grading-tests");
        var (mallory, c) = await GradeAsync($$"""
            foreach (var file in System.IO.Directory.GetFiles(@"{{root}}", "*.ipynb", System.IO.SearchOption.AllDirectories))
                Console.WriteLine(System.IO.File.ReadAllText(file));
            double Relu(double x) => Math.Max(0, x);
            """, _isolated with { BaselinePolicy = new CodePolicy { Rules = [new PolicyRule("file system", ["System.IO"])] } });
        Assert.Equal(0, mallory["relu-test"].Score);
        Assert.StartsWith("not allowed in cell", mallory["relu-test"].Message);
        Assert.DoesNotContain(Sheet.HiddenMarker, File.ReadAllText(FeedbackPage.PathFor(c.FeedbackFolder, "mallory", "sheet")));
    }
}
