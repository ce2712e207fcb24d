using System.Text.RegularExpressions;
using CourseKit.Grading.Composition;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Autograding;

/// <summary>
/// Scores a graded run from the engine's cell results only, never from what the notebook printed: a test
/// cell passes iff its status is <see cref="CellStatus.Succeeded"/>, and earns all its points or none.
/// A failed test's message is the first line of its error, said plainly for a timeout, an ended process
/// or a test that never ran (with the cell that stopped the run). A policy violation in a student's cell
/// costs the exercise of the first test after it: every test of that exercise gets 0 with the rule and line.
/// </summary>
public static partial class Scorer
{
    /// <summary>The outcome of every test cell of <paramref name="notebook"/>, in order.</summary>
    public static IReadOnlyList<TestOutcome> Score(ComposedNotebook notebook, NotebookRunResult run)
    {
        if (run.Status == NotebookRunStatus.Invalid)
            return [.. notebook.Tests.Select(t => Fail(t, $"the notebook could not be run: {FirstLine(run.FirstError ?? "invalid notebook")}"))];

        var violations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cell in notebook.Cells.Where(c => c.Origin != CellOrigin.Instructor))
        {
            if (!run.Cells.TryGetValue(cell.Number, out var result) || result.Status != CellStatus.PolicyViolation) continue;
            var test = notebook.Tests.FirstOrDefault(t => t.Number > cell.Number);
            if (test?.ScoringKey is { } key)
                violations.TryAdd(key, $"not allowed in cell {cell.Number}: {FirstLine(result.Error?.Value ?? "policy violation")}");
        }

        return [.. notebook.Tests.Select(test =>
        {
            if (violations.TryGetValue(test.ScoringKey!, out var violation)) return Fail(test, violation);
            if (!run.Cells.TryGetValue(test.Number, out var result)) return Fail(test, NotRun(notebook, run, test));
            if (result.Succeeded) return new TestOutcome(test.GradeId!, test.Points, test.Points, true, "");
            return Fail(test, Describe(test, result) + SolutionFailure(notebook, run, test));
        })];
    }

    /// <summary>What went wrong in a test cell, in one line.</summary>
    private static string Describe(ComposedCell test, CellExecutionResult result)
    {
        var error = FirstLine(result.Error?.Value ?? result.Status.ToString());
        return result.Status switch
        {
            CellStatus.CompileError => $"the test does not compile with your code: {Redact(error, test.VisibleSource ?? "")}",
            CellStatus.TimedOut => $"timed out: {error}",
            CellStatus.ProcessExited => $"the notebook's process ended during this test: {error}",
            CellStatus.Cancelled => $"cancelled: {error}",
            _ => error,
        };
    }

    /// <summary>Why a test has no result: the cell that ended the run, with its status and error.</summary>
    private static string NotRun(ComposedNotebook notebook, NotebookRunResult run, ComposedCell test)
    {
        var last = run.Cells.Keys.Where(k => k < test.Number).DefaultIfEmpty(0).Max();
        if (last == 0) return $"not run: {FirstLine(run.FirstError ?? "the notebook stopped before this test")}";
        var result = run.Cells[last];
        if (result.Succeeded)
            return $"not run: the notebook stopped after cell {last}" + (run.FirstError is { } e ? $" ({FirstLine(e)})" : "");
        var who = notebook.Cells[last - 1].IsTest ? $"test cell {last}" : $"cell {last}";
        return $"not run: {who} ended the run ({Status(result.Status)}: {FirstLine(result.Error?.Value ?? result.Status.ToString())})";
    }

    /// <summary>The exercise's solution cell failed before the test: say so, it is usually the reason.</summary>
    private static string SolutionFailure(ComposedNotebook notebook, NotebookRunResult run, ComposedCell test)
    {
        var solution = notebook.Cells.LastOrDefault(c => c.Number < test.Number && c.Role == Exercises.CellRole.Solution && c.GradeId == test.Exercise);
        if (solution is null || !run.Cells.TryGetValue(solution.Number, out var result) || result.Succeeded) return "";
        return $" (your solution cell {solution.Number} failed first: {FirstLine(result.Error?.Value ?? result.Status.ToString())})";
    }

    private static string Status(CellStatus status) => status switch
    {
        CellStatus.TimedOut => "timed out",
        CellStatus.ProcessExited => "the process ended",
        CellStatus.Cancelled => "cancelled",
        CellStatus.Unsupported => "not supported",
        CellStatus.RuntimeError => "exception",
        CellStatus.CompileError => "compile error",
        CellStatus.PolicyViolation => "not allowed",
        _ => status.ToString(),
    };

    /// <summary>Names the compiler quotes that the student cannot see in the test (from its hidden part) become '…'.</summary>
    private static string Redact(string message, string visible) =>
        Quoted().Replace(message, m => visible.Contains(m.Groups[1].Value, StringComparison.Ordinal) ? m.Value : "'…'");

    private static TestOutcome Fail(ComposedCell test, string message) => new(test.GradeId!, test.Points, 0, false, message);

    /// <summary>The first line of a text.</summary>
    public static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
