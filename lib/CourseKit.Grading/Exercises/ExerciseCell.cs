using CourseKit.Notebooks.Documents;

namespace CourseKit.Grading.Exercises;

/// <summary>One cell of an instructor's exercise notebook, with what it is in its exercise.</summary>
/// <param name="Number">1-based number among all cells of the notebook.</param>
/// <param name="Cell">The cell as the instructor wrote it (solutions and hidden tests included).</param>
/// <param name="Grading">Its nbgrader metadata, or null.</param>
/// <param name="Rules">Its exercise rules (solution cells only), or null.</param>
/// <param name="StudentSource">The source a student gets: solution regions stubbed, hidden tests removed.</param>
public sealed record ExerciseCell(int Number, NotebookCell Cell, GradingMetadata? Grading, ExerciseRules? Rules, string StudentSource)
{
    /// <summary>What the cell is.</summary>
    public CellRole Role => Grading?.Role ?? CellRole.Plain;

    /// <summary>The cell's grade_id, or null.</summary>
    public string? GradeId => Grading?.GradeId;

    /// <summary>Points of a test cell (0 otherwise).</summary>
    public double Points => Role == CellRole.Test ? Grading!.Points : 0;

    /// <summary>How messages name the cell: "cell 4 ('relu')".</summary>
    public string Label => GradeId is null ? $"cell {Number}" : $"cell {Number} ('{GradeId}')";
}
