namespace CourseKit.Grading.Gradebooks;

/// <summary>A gradebook file that cannot be used; the message is one line naming the file.</summary>
public sealed class GradebookException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public GradebookException(string path, string problem, Exception? inner = null) : base($"{path}: {problem}", inner) { }
}
