namespace CourseKit.Grading.Gradebooks;

/// <summary>A row of the gradebook's <c>submissions</c> table: one graded submission of one assignment by one student.</summary>
/// <param name="Student">The student's id.</param>
/// <param name="Assignment">The assignment's name.</param>
/// <param name="Hash">The content hash of the submission that was graded.</param>
/// <param name="SourceHash">The content hash of the instructor's source it was graded against (a changed source means grading again).</param>
/// <param name="Score">Points earned.</param>
/// <param name="MaxScore">Points possible.</param>
/// <param name="GradedAt">When it was graded, ISO 8601 UTC (merges keep the newest).</param>
public sealed record SubmissionRecord(string Student, string Assignment, string Hash, string SourceHash, double Score, double MaxScore, string GradedAt);
