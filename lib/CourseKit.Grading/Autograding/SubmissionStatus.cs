namespace CourseKit.Grading.Autograding;

/// <summary>What a grading run did with one submission.</summary>
public enum SubmissionStatus
{
    /// <summary>Graded and recorded.</summary>
    Graded,

    /// <summary>Unchanged since it was recorded (same submission, same source, feedback present): left as it was.</summary>
    Skipped,

    /// <summary>Grading it failed in the grader (not in the student's code); nothing recorded, a rerun tries again.</summary>
    Failed,
}
