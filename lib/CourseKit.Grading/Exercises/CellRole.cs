namespace CourseKit.Grading.Exercises;

/// <summary>What a cell is in an exercise notebook (from its nbgrader metadata).</summary>
public enum CellRole
{
    /// <summary>An ordinary cell: the student owns it.</summary>
    Plain,

    /// <summary>A solution cell: the student writes between its solution markers.</summary>
    Solution,

    /// <summary>A test cell (graded, locked): always the instructor's copy, hidden tests included.</summary>
    Test,

    /// <summary>A locked cell that is not a test: always the instructor's copy.</summary>
    Locked,
}
