namespace CourseKit.Grading.Gradebooks;

/// <summary>A row of the gradebook's <c>grades</c> table: one test of one assignment for one student.</summary>
/// <param name="Student">The student's id.</param>
/// <param name="Assignment">The assignment's name.</param>
/// <param name="GradeId">The test cell's grade_id.</param>
/// <param name="Score">Points earned: all or nothing.</param>
/// <param name="MaxScore">The test's points.</param>
/// <param name="Passed">Whether the test cell ran without an exception.</param>
/// <param name="Message">Why it failed (empty when it passed); never hidden test source.</param>
public sealed record GradeRecord(string Student, string Assignment, string GradeId, double Score, double MaxScore, bool Passed, string Message);
