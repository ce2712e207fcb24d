namespace CourseKit.Grading.Autograding;

/// <summary>One submission's line in a grading run's report.</summary>
/// <param name="Student">The student's id.</param>
/// <param name="Status">Graded, skipped or failed.</param>
/// <param name="Score">Points recorded (for a skipped submission, those recorded before).</param>
/// <param name="MaxScore">Points possible.</param>
/// <param name="Message">Why grading failed, or why there was nothing to run; null otherwise.</param>
public sealed record GradingRunEntry(string Student, SubmissionStatus Status, double Score, double MaxScore, string? Message);
