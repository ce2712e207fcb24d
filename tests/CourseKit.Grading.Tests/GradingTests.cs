using CourseKit.Grading.Autograding;
using CourseKit.Grading.Feedback;
using CourseKit.Grading.Gradebooks;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Grading.Tests;

/// <summary>Grading a folder of submissions end to end (in this process until the worker lands).</summary>
public class GradingTests
{
    /// <summary>A class: correct, wrong, an edited test cell, never started, nothing handed in.</summary>
    private static ClassFolder Class()
    {
        var c = new ClassFolder();
        c.HandIn("ada", c.Correct());
        c.HandIn("bob", c.StudentCopy().Solve("relu", "return x; // first attempt").Solve("mean", Sheet.MeanSolution));
        var edited = c.StudentCopy().Solve("relu", "return x;").Solve("mean", Sheet.MeanSolution);
        edited.Cell("relu-test").Source = "Console.WriteLine(\"relu-test passed\");";
        c.HandIn("cyd", edited);
        c.HandIn("dan", c.StudentCopy());
        Directory.CreateDirectory(Path.Combine(c.SubmissionsFolder, "eve"));
        return c;
    }

    private static readonly Dictionary<string, (double Relu, double Mean)> _expected = new()
    {
        ["ada"] = (2, 3),
        ["bob"] = (0, 3),
        ["cyd"] = (0, 3),
        ["dan"] = (0, 0),
        ["eve"] = (0, 0),
    };

    private static Dictionary<string, GradeRecord> Grades(string path)
    {
        using var book = Gradebook.Open(path, readOnly: true);
        return book.Grades().ToDictionary(g => $"{g.Student}/{g.GradeId}");
    }

    [Fact]
    public async Task A_class_is_graded_each_test_all_or_nothing_with_feedback_and_one_row_per_test()
    {
        var c = Class();
        var entries = await c.GradeAsync(new GradingRunOptions { Jobs = 2, FeedbackDirectory = c.FeedbackFolder });

        Assert.Equal(["ada", "bob", "cyd", "dan", "eve"], entries.Select(e => e.Student));
        Assert.All(entries, e => Assert.Equal(SubmissionStatus.Graded, e.Status));
        Assert.Equal((5, 10), ClassFolder.Count(c.GradebookPath));
        var grades = Grades(c.GradebookPath);
        foreach (var (student, (relu, mean)) in _expected)
        {
            Assert.True(relu == grades[$"{student}/relu-test"].Score, $"{student} relu-test: {grades[$"{student}/relu-test"]}");
            Assert.True(mean == grades[$"{student}/mean-test"].Score, $"{student} mean-test: {grades[$"{student}/mean-test"]}");
            Assert.Equal(2, grades[$"{student}/relu-test"].MaxScore);
        }

        Assert.Equal("System.Exception: expected Relu(-2) = 0, got -2", grades["bob/relu-test"].Message);
        Assert.Equal("System.Exception: expected Relu(-2) = 0, got -2", grades["cyd/relu-test"].Message);   // the edit counted for nothing
        foreach (var test in new[] { "dan/relu-test", "dan/mean-test" })
            Assert.StartsWith("System.NotImplementedException: The method or operation is not implemented.", grades[test].Message);
        Assert.Equal("no notebook handed in: expected sheet.ipynb in the folder eve", grades["eve/mean-test"].Message);
        Assert.Equal("", grades["ada/relu-test"].Message);

        var bob = File.ReadAllText(FeedbackPage.PathFor(c.FeedbackFolder, "bob", "sheet"));
        Assert.Contains("Score: 3 / 5", bob);
        Assert.Contains("<strong>Test relu-test</strong> (0 / 2 points): <span class=\"result\">failed: System.Exception: expected Relu(-2) = 0, got -2</span>", bob);
        Assert.Contains("first attempt", bob);   // the student's own code is shown
        Assert.DoesNotContain("<link", bob);  // self-contained
        Assert.DoesNotContain("<script src", bob);
        foreach (var student in _expected.Keys)
        {
            var page = File.ReadAllText(FeedbackPage.PathFor(c.FeedbackFolder, student, "sheet"));
            Assert.DoesNotContain(Sheet.HiddenMarker, page);
            Assert.DoesNotContain("BEGIN HIDDEN TESTS", page);
        }
        using var book = Gradebook.Open(c.GradebookPath, readOnly: true);
        Assert.DoesNotContain(book.Grades(), g => g.Message.Contains(Sheet.HiddenMarker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grading_twice_changes_nothing_a_changed_submission_replaces_its_rows_and_regrade_forces()
    {
        var c = Class();
        await c.GradeAsync();
        var first = ClassFolder.Dump(c.GradebookPath);

        var again = await c.GradeAsync();
        Assert.All(again, e => Assert.Equal(SubmissionStatus.Skipped, e.Status));
        Assert.Equal(first, ClassFolder.Dump(c.GradebookPath));

        c.HandIn("bob", c.Correct());
        var changed = await c.GradeAsync();
        Assert.Equal(["bob"], changed.Where(e => e.Status == SubmissionStatus.Graded).Select(e => e.Student));
        Assert.Equal((5, 10), ClassFolder.Count(c.GradebookPath));
        var grades = Grades(c.GradebookPath);
        Assert.Equal(2, grades["bob/relu-test"].Score);
        Assert.Equal("", grades["bob/relu-test"].Message);
        using (var book = Gradebook.Open(c.GradebookPath, readOnly: true))
            Assert.Equal(5, book.Find("bob", "sheet")!.Score);

        var forced = await c.GradeAsync(new GradingRunOptions { Regrade = true, FeedbackDirectory = c.FeedbackFolder });
        Assert.All(forced, e => Assert.Equal(SubmissionStatus.Graded, e.Status));
        Assert.Equal((5, 10), ClassFolder.Count(c.GradebookPath));
    }

    [Fact]
    public async Task A_run_stopped_halfway_resumes_losing_no_row_and_doubling_none()
    {
        var c = Class();
        using var stop = new CancellationTokenSource();
        var done = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => c.GradeAsync(finished: e =>
        {
            lock (done) done.Add(e.Student);
            stop.CancelAfter(TimeSpan.FromMilliseconds(150));   // stop while the next submission runs
        }, cancellationToken: stop.Token));

        var (submissions, grades) = ClassFolder.Count(c.GradebookPath);
        Assert.True(submissions >= 1 && submissions < 5, $"{submissions} submissions recorded before the stop");
        Assert.Equal(2 * submissions, grades);
        string before;
        using (var book = Gradebook.Open(c.GradebookPath, readOnly: true))
            before = string.Join("\n", book.Submissions().Select(s => s.ToString()));

        var resumed = await c.GradeAsync();
        Assert.Equal(submissions, resumed.Count(e => e.Status == SubmissionStatus.Skipped));
        Assert.Equal((5, 10), ClassFolder.Count(c.GradebookPath));
        using (var book = Gradebook.Open(c.GradebookPath, readOnly: true))
            foreach (var line in before.Split('\n'))
                Assert.Contains(line, book.Submissions().Select(s => s.ToString()));   // recorded rows untouched
        var all = Grades(c.GradebookPath);
        foreach (var (student, (relu, mean)) in _expected)
            Assert.Equal((relu, mean), (all[$"{student}/relu-test"].Score, all[$"{student}/mean-test"].Score));
    }

    [Fact]
    public async Task Shards_grade_disjoint_slices_that_merge_into_the_whole_class()
    {
        var c = Class();
        var first = Path.Combine(c.Root, "shard-1.db");
        var second = Path.Combine(c.Root, "shard-2.db");
        var one = await c.GradeAsync(new GradingRunOptions { Shard = Shard.Parse("1/2") }, gradebook: first);
        var two = await c.GradeAsync(new GradingRunOptions { Shard = Shard.Parse("2/2") }, gradebook: second);
        Assert.Empty(one.Select(e => e.Student).Intersect(two.Select(e => e.Student)));
        Assert.Equal(_expected.Keys.Order(), one.Concat(two).Select(e => e.Student).Order());

        var merged = Path.Combine(c.Root, "merged.db");
        using (var book = Gradebook.Open(merged))
        {
            foreach (var shard in new[] { first, second })
            {
                using var part = Gradebook.Open(shard, readOnly: true);
                book.MergeFrom(part);
            }
        }
        Assert.Equal((5, 10), ClassFolder.Count(merged));
        var grades = Grades(merged);
        foreach (var (student, (relu, mean)) in _expected)
            Assert.Equal((relu, mean), (grades[$"{student}/relu-test"].Score, grades[$"{student}/mean-test"].Score));
    }

    [Fact]
    public async Task The_source_itself_gets_full_points_and_its_student_version_none()
    {
        var c = new ClassFolder();
        c.HandIn("instructor", NotebookFile.Load(c.SourcePath));
        c.HandIn("blank", c.StudentCopy());
        await c.GradeAsync();
        using var book = Gradebook.Open(c.GradebookPath, readOnly: true);
        Assert.Equal(5, book.Find("instructor", "sheet")!.Score);
        Assert.Equal(0, book.Find("blank", "sheet")!.Score);
        Assert.All(book.Grades().Where(g => g.Student == "blank"), g => Assert.Contains("NotImplementedException", g.Message));
    }

    [Fact]
    public async Task A_renamed_notebook_is_found_and_an_unreadable_one_scores_0_with_the_reason()
    {
        var c = new ClassFolder();
        c.HandIn("renamed", c.Correct(), "sheet (1).ipynb");
        Directory.CreateDirectory(Path.Combine(c.SubmissionsFolder, "broken"));
        File.WriteAllText(Path.Combine(c.SubmissionsFolder, "broken", "sheet.ipynb"), "{ not json");
        Directory.CreateDirectory(Path.Combine(c.SubmissionsFolder, ".git"));
        var entries = await c.GradeAsync();
        Assert.Equal(["broken", "renamed"], entries.Select(e => e.Student));
        using var book = Gradebook.Open(c.GradebookPath, readOnly: true);
        Assert.Equal(5, book.Find("renamed", "sheet")!.Score);
        Assert.All(book.Grades().Where(g => g.Student == "broken"), g => Assert.StartsWith("the notebook cannot be read: not JSON", g.Message));
    }

    [Fact]
    public async Task Validate_reports_the_visible_tests_and_changed_locked_cells()
    {
        var c = new ClassFolder();
        var blank = c.HandIn("dan", c.StudentCopy());
        var report = await Validator.ValidateAsync(blank, new Notebooks.Execution.NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(30) });
        Assert.Equal(["relu-test", "mean-test"], report.Tests.Select(t => t.GradeId));
        Assert.All(report.Tests, t => Assert.StartsWith("System.NotImplementedException", t.Message));
        Assert.Equal((0, 5), (report.Score, report.MaxScore));
        Assert.Empty(report.Warnings);

        var wrong = c.StudentCopy().Solve("relu", "return x;").Solve("mean", Sheet.MeanSolution);
        wrong.Cell("helpers").Source += "\n// mine";
        report = await Validator.ValidateAsync(c.HandIn("bob", wrong), new Notebooks.Execution.NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(30) });
        Assert.True(report.AllPassed);   // the visible test passes a wrong ReLU: only the hidden one catches it
        Assert.Equal(["cell 2 ('helpers') is locked but was changed; the grader uses the original, so your change counts for nothing"], report.Warnings);
    }
}
