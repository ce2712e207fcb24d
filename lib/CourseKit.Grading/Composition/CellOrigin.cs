namespace CourseKit.Grading.Composition;

/// <summary>Where a cell of a graded notebook comes from, which decides whether its code is trusted.</summary>
public enum CellOrigin
{
    /// <summary>The instructor's source (tests with their hidden part, locked cells, unchanged instructor cells): trusted.</summary>
    Instructor,

    /// <summary>The student version of a solution cell the student deleted: runs under the exercise's policy.</summary>
    Restored,

    /// <summary>The student's submission: untrusted, runs under a policy.</summary>
    Student,
}
