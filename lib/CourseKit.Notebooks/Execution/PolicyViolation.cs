namespace CourseKit.Notebooks.Execution;

/// <summary>A use of something a <see cref="CodePolicy"/> forbids.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Line">1-based line in the cell.</param>
/// <param name="Message">One line a student can act on: where, what was used and why it is not allowed
/// ("line 3: System.IO.File.ReadAllText is not allowed (file system)").</param>
public sealed record PolicyViolation(string Rule, int Line, string Message);
