namespace CourseKit.Notebooks.Documents;

/// <summary>
/// A notebook file that cannot be read: missing, not JSON, not a notebook, empty, or without C# cells.
/// The message is one line that names the file and says what was wrong and what was expected.
/// </summary>
public sealed class NotebookFormatException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public NotebookFormatException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file that was read.</summary>
    public string Path { get; }

    /// <summary>What was wrong, without the file name.</summary>
    public string Problem { get; }
}
