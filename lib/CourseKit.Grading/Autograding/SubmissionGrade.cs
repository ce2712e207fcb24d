using CourseKit.Grading.Composition;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Grading.Autograding;

/// <summary>One student's graded submission of one assignment.</summary>
/// <param name="Student">The student's id (their submission folder's name).</param>
/// <param name="Assignment">The assignment's name.</param>
/// <param name="Hash">The submission's content hash (see <see cref="ContentHash"/>).</param>
/// <param name="Tests">Every test's outcome, in the source's order.</param>
/// <param name="Composed">The notebook that was run, or null when there was nothing to run.</param>
/// <param name="Executed">That notebook with its outputs, or null.</param>
/// <param name="Problem">Why nothing could be run (no notebook handed in, unreadable), or null.</param>
public sealed record SubmissionGrade(string Student, string Assignment, string Hash, IReadOnlyList<TestOutcome> Tests,
    ComposedNotebook? Composed, Notebook? Executed, string? Problem)
{
    /// <summary>Points earned.</summary>
    public double Score => Tests.Sum(t => t.Score);

    /// <summary>Points possible.</summary>
    public double MaxScore => Tests.Sum(t => t.Points);
}
