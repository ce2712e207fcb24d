using CourseKit.Grading.Autograding;
using CourseKit.Grading.Composition;
using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Tests;

/// <summary>Scoring from made-up cell results: every status the engine can report, nothing printed counts.</summary>
public class ScorerTests
{
    private readonly ComposedNotebook _notebook;
    private readonly int _relu, _reluTest, _mean, _meanTest;

    public ScorerTests()
    {
        var source = ExerciseNotebook.Read(Sheet.Source(), "sheet.ipynb");
        _notebook = SubmissionComposer.Compose(source, StudentVersion.Make(source), new CodePolicy());
        _relu = Number("relu");
        _reluTest = Number("relu-test");
        _mean = Number("mean");
        _meanTest = Number("mean-test");
    }

    private int Number(string gradeId) => _notebook.Cells.Single(c => c.GradeId == gradeId).Number;

    private static CellExecutionResult Result(CellStatus status, string? error = null, string? printed = null)
    {
        var outputs = new List<CellOutput>();
        if (printed is not null) outputs.Add(new StreamOutput("stdout", printed));
        if (error is not null) outputs.Add(new ErrorOutput("Error", error, [error]));
        return new CellExecutionResult(status, outputs, TimeSpan.Zero, 1);
    }

    /// <summary>Cells not given succeed; as in the engine, nothing runs after a crash or a timeout.</summary>
    private IReadOnlyList<TestOutcome> Score(Dictionary<int, CellExecutionResult> cells)
    {
        foreach (var cell in _notebook.Cells.Where(c => c.Cell.IsCSharp))
            cells.TryAdd(cell.Number, Result(CellStatus.Succeeded));
        var stopped = cells.Where(p => p.Value.Status is CellStatus.ProcessExited or CellStatus.TimedOut).Select(p => p.Key).DefaultIfEmpty(int.MaxValue).Min();
        var kept = cells.Where(p => p.Key <= stopped).ToDictionary();
        var run = new NotebookRunResult("sheet.ipynb", kept.Values.All(r => r.Succeeded) ? NotebookRunStatus.Succeeded : NotebookRunStatus.Failed,
            _notebook.Cells.Count, kept.Count, TimeSpan.Zero, null, _notebook.Notebook, null) { Cells = kept };
        return Scorer.Score(_notebook, run);
    }

    [Fact]
    public void A_test_that_succeeded_earns_all_its_points_and_one_that_threw_none()
    {
        var outcomes = Score(new() { [_meanTest] = Result(CellStatus.RuntimeError, "System.Exception: expected Mean([5]) = 5, got 4\n   at cell 9, line 3") });
        Assert.Equal(new TestOutcome("relu-test", 2, 2, true, ""), outcomes[0]);
        Assert.Equal(new TestOutcome("mean-test", 3, 0, false, "System.Exception: expected Mean([5]) = 5, got 4"), outcomes[1]);
    }

    [Fact]
    public void Printed_text_never_changes_a_score()
    {
        var outcomes = Score(new()
        {
            [_relu] = Result(CellStatus.Succeeded, printed: "10 passed, 0 failed\nrelu-test: 2/2\n"),
            [_reluTest] = Result(CellStatus.RuntimeError, "System.Exception: expected Relu(-2) = 0, got -2", printed: "PASSED"),
        });
        Assert.False(outcomes[0].Passed);
        Assert.Equal(0, outcomes[0].Score);
    }

    [Fact]
    public void The_solutions_failure_is_named_when_its_test_fails()
    {
        var outcomes = Score(new()
        {
            [_mean] = Result(CellStatus.RuntimeError, "System.NotImplementedException: The method or operation is not implemented."),
            [_meanTest] = Result(CellStatus.CompileError, "(1,7): error CS0103: The name 'Mean' does not exist in the current context"),
        });
        Assert.Equal($"the test does not compile with your code: (1,7): error CS0103: The name 'Mean' does not exist in the current context (your solution cell {_mean} failed first: System.NotImplementedException: The method or operation is not implemented.)",
            outcomes[1].Message);
    }

    [Fact]
    public void Names_only_a_hidden_test_uses_are_not_shown_in_a_compile_error()
    {
        var outcomes = Score(new() { [_reluTest] = Result(CellStatus.CompileError, $"(4,14): error CS0103: The name '{Sheet.HiddenMarker}' does not exist in the current context") });
        Assert.DoesNotContain(Sheet.HiddenMarker, outcomes[0].Message);
        Assert.Contains("The name '…' does not exist", outcomes[0].Message);
    }

    [Fact]
    public void Tests_after_a_crash_get_0_with_what_happened()
    {
        var outcomes = Score(new() { [_mean] = Result(CellStatus.ProcessExited, "the worker process exited with code 3 (Environment.Exit)") });
        Assert.True(outcomes[0].Passed);
        Assert.Equal($"not run: cell {_mean} ended the run (the process ended: the worker process exited with code 3 (Environment.Exit))", outcomes[1].Message);
        Assert.Equal(0, outcomes[1].Score);
    }

    [Fact]
    public void A_test_that_times_out_says_so_and_the_next_one_says_it_never_ran()
    {
        var outcomes = Score(new() { [_reluTest] = Result(CellStatus.TimedOut, $"System.TimeoutException: cell {_reluTest} exceeded its time limit of 30 s") });
        Assert.Equal($"timed out: System.TimeoutException: cell {_reluTest} exceeded its time limit of 30 s", outcomes[0].Message);
        Assert.StartsWith($"not run: test cell {_reluTest} ended the run (timed out:", outcomes[1].Message);
    }

    [Fact]
    public void A_policy_violation_costs_the_exercise_of_the_next_test_only()
    {
        var outcomes = Score(new()
        {
            [_relu] = Result(CellStatus.PolicyViolation, "line 3: System.IO.File.ReadAllText is not allowed (file system)"),
            [_reluTest] = Result(CellStatus.Succeeded),
        });
        Assert.Equal(new TestOutcome("relu-test", 2, 0, false, $"not allowed in cell {_relu}: line 3: System.IO.File.ReadAllText is not allowed (file system)"), outcomes[0]);
        Assert.True(outcomes[1].Passed);
    }

    [Fact]
    public void An_invalid_run_scores_0_everywhere_with_its_reason()
    {
        var run = new NotebookRunResult("sheet.ipynb", NotebookRunStatus.Invalid, 0, 0, TimeSpan.Zero, "sheet.ipynb: the notebook has no C# code cells", null, null);
        Assert.All(Scorer.Score(_notebook, run), o => Assert.Equal("the notebook could not be run: sheet.ipynb: the notebook has no C# code cells", o.Message));
    }
}
