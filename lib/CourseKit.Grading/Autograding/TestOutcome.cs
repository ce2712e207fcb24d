namespace CourseKit.Grading.Autograding;

/// <summary>The result of one test cell for one student: all or nothing.</summary>
/// <param name="GradeId">The test's grade_id.</param>
/// <param name="Points">What the test is worth.</param>
/// <param name="Score">What the student got: <paramref name="Points"/> or 0.</param>
/// <param name="Passed">Whether the test cell ran without an exception.</param>
/// <param name="Message">Why it failed, one line a student can act on (empty when it passed); never hidden test source.</param>
public sealed record TestOutcome(string GradeId, double Points, double Score, bool Passed, string Message);
