using CourseKit.Notebooks.Documents;

namespace CourseKit.Grading.Exercises;

/// <summary>
/// What <c>coursekit assign</c> hands out: the source with every solution region replaced (see
/// <see cref="SolutionStub"/>), hidden tests removed, outputs and execution counts cleared, and each
/// locked cell's checksum in its nbgrader metadata. Metadata (grade_ids, points, rules) stays, so the
/// student's copy tells the grader which cell is which.
/// </summary>
public static class StudentVersion
{
    /// <summary>The student version of a checked source notebook.</summary>
    public static Notebook Make(ExerciseNotebook source)
    {
        var notebook = source.Notebook.CloneWithoutOutputs();
        foreach (var cell in source.Cells)
        {
            var copy = notebook.Cells[cell.Number - 1];
            copy.Source = cell.StudentSource;
            if (cell.Role is CellRole.Test or CellRole.Locked)
                (cell.Grading! with { Checksum = CellChecksum.Of(copy) }).WriteTo(copy);
        }
        return notebook;
    }

    /// <summary>The student version of one cell, as a fresh cell (what a student who deleted the cell had been given).</summary>
    public static NotebookCell Cell(ExerciseCell cell)
    {
        var copy = cell.Cell.CloneWithoutOutputs();
        copy.Source = cell.StudentSource;
        return copy;
    }
}
