namespace CourseKit.Grading.Exercises;

/// <summary>Lines between a begin and an end marker of a cell (0-based line numbers of the two marker lines).</summary>
/// <param name="BeginLine">The line of the begin marker.</param>
/// <param name="EndLine">The line of the end marker.</param>
public sealed record MarkedRegion(int BeginLine, int EndLine);
