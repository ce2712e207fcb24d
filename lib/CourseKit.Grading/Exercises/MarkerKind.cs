namespace CourseKit.Grading.Exercises;

/// <summary>The two kinds of marked regions in an exercise notebook.</summary>
public enum MarkerKind
{
    /// <summary><c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c> in a solution cell: what the student writes.</summary>
    Solution,

    /// <summary><c>// BEGIN HIDDEN TESTS</c> … <c>// END HIDDEN TESTS</c> in a test cell: never shown to a student.</summary>
    HiddenTests,
}
