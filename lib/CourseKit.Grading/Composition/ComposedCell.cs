using CourseKit.Grading.Exercises;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Grading.Composition;

/// <summary>One cell of a notebook prepared for grading.</summary>
/// <param name="Number">1-based number in the composed notebook (the key of the run's cell results).</param>
/// <param name="Cell">The cell that runs.</param>
/// <param name="Role">Its role in the exercise.</param>
/// <param name="Origin">Where it comes from.</param>
/// <param name="GradeId">Its grade_id (solution, test and locked cells), or null.</param>
/// <param name="Points">A test's points (0 otherwise).</param>
/// <param name="Exercise">The exercise of a test or solution cell (its solution's grade_id), or null.</param>
/// <param name="Policy">What its code may use, or null for trusted instructor code.</param>
/// <param name="VisibleSource">A test's source as the student sees it (hidden tests removed), or null.</param>
public sealed record ComposedCell(int Number, NotebookCell Cell, CellRole Role, CellOrigin Origin, string? GradeId, double Points,
    string? Exercise, CodePolicy? Policy, string? VisibleSource)
{
    /// <summary>Whether this is a test cell.</summary>
    public bool IsTest => Role == CellRole.Test;

    /// <summary>The exercise whose points a failure in this cell costs (the test's own grade_id when it follows no solution).</summary>
    public string? ScoringKey => Exercise ?? (IsTest ? GradeId : null);
}
