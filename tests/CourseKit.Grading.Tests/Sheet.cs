using System.Text.Json.Nodes;
using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Grading.Tests;

/// <summary>
/// A small source notebook with two exercises, as an instructor writes it: a locked helper cell, ReLU
/// (solution inside a method body, 2 points) and Mean (solution at the top level of the cell, 3 points),
/// each test with a hidden part. Plain C#: nothing heavy is loaded.
/// </summary>
internal static class Sheet
{
    /// <summary>A string that appears only in a hidden test.</summary>
    public const string HiddenMarker = "HIDDEN-7f3a9c";

    public const string ReluSolution = "return Math.Max(0, x);";
    public const string MeanSolution = "double Mean(double[] xs) => xs.Sum() / xs.Length;";

    public static Notebook Source()
    {
        var notebook = new Notebook();
        notebook.Cells.Add(Markdown("# Sheet 1\n\nTwo small exercises."));
        notebook.Cells.Add(Code("""
            void Check(bool ok, string message)
            {
                if (!ok) throw new Exception(message);
            }
            """, Grading("helpers", locked: true)));
        notebook.Cells.Add(Markdown("## 1. ReLU (2 points)\n\nImplement $\\max(0, x)$."));
        notebook.Cells.Add(Code($$"""
            double Relu(double x)
            {
                // BEGIN SOLUTION
                {{ReluSolution}}
                // END SOLUTION
            }
            """, Grading("relu", solution: true)));
        notebook.Cells.Add(Code($$"""
            Check(Relu(3) == 3, $"expected Relu(3) = 3, got {Relu(3)}");
            // BEGIN HIDDEN TESTS
            var hidden = "{{HiddenMarker}}";
            Check(Relu(-2) == 0, $"expected Relu(-2) = 0, got {Relu(-2)}");
            // END HIDDEN TESTS
            """, Grading("relu-test", grade: true, locked: true, points: 2)));
        notebook.Cells.Add(Markdown("## 2. Mean (3 points)"));
        notebook.Cells.Add(Code($"""
            // BEGIN SOLUTION
            {MeanSolution}
            // END SOLUTION
            """, Grading("mean", solution: true)));
        notebook.Cells.Add(Code("""
            Check(Mean(new[] { 1.0, 2.0, 3.0 }) == 2, $"expected Mean([1, 2, 3]) = 2, got {Mean(new[] { 1.0, 2.0, 3.0 })}");
            // BEGIN HIDDEN TESTS
            Check(Mean(new[] { 5.0 }) == 5, $"expected Mean([5]) = 5, got {Mean(new[] { 5.0 })}");
            // END HIDDEN TESTS
            """, Grading("mean-test", grade: true, locked: true, points: 3)));
        return notebook;
    }

    public static NotebookCell Markdown(string text) => new(CellKind.Markdown, text, "markdown");

    public static NotebookCell Code(string source, JsonObject? nbgrader = null)
    {
        var cell = new NotebookCell(CellKind.Code, source);
        if (nbgrader is not null) cell.Metadata[GradingMetadata.Key] = nbgrader;
        return cell;
    }

    public static JsonObject Grading(string id, bool solution = false, bool grade = false, bool locked = false, double? points = null)
    {
        var o = new JsonObject { ["grade_id"] = id, ["solution"] = solution, ["grade"] = grade, ["locked"] = locked, ["schema_version"] = 3 };
        if (points is { } p) o["points"] = p;
        return o;
    }

    /// <summary>The cell with this grade_id.</summary>
    public static NotebookCell Cell(this Notebook notebook, string gradeId) =>
        notebook.Cells.Single(c => GradingMetadata.Read(c)?.GradeId == gradeId);

    /// <summary>Replaces the student version's solution stub of an exercise by <paramref name="body"/> (what a student types over the stub).</summary>
    public static Notebook Solve(this Notebook notebook, string gradeId, string body)
    {
        var cell = notebook.Cell(gradeId);
        var lines = cell.Source.Split('\n').ToList();
        var stub = lines.FindIndex(l => l.Contains("YOUR CODE HERE"));
        var end = lines.FindIndex(stub, l => l.Contains("throw new NotImplementedException();"));
        var indent = new string(lines[stub].TakeWhile(char.IsWhiteSpace).ToArray());
        lines.RemoveRange(stub, end - stub + 1);
        lines.Insert(stub, indent + body);
        cell.Source = string.Join("\n", lines);
        return notebook;
    }
}
