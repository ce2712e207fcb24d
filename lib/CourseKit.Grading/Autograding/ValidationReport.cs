namespace CourseKit.Grading.Autograding;

/// <summary>What <c>coursekit validate</c> found: the visible tests' outcomes and warnings about the copy.</summary>
/// <param name="Path">The notebook that was validated.</param>
/// <param name="Tests">Each visible test's outcome, in order.</param>
/// <param name="Warnings">Locked cells the student changed (the grader uses the instructor's copy), one line each.</param>
public sealed record ValidationReport(string Path, IReadOnlyList<TestOutcome> Tests, IReadOnlyList<string> Warnings)
{
    /// <summary>Points of the passed visible tests.</summary>
    public double Score => Tests.Sum(t => t.Score);

    /// <summary>Points of all visible tests.</summary>
    public double MaxScore => Tests.Sum(t => t.Points);

    /// <summary>Whether every visible test passed.</summary>
    public bool AllPassed => Tests.All(t => t.Passed);
}
