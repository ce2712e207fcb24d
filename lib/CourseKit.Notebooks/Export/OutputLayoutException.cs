namespace CourseKit.Notebooks.Export;

/// <summary>
/// The outputs of a run cannot be laid out: one would replace a source notebook, or the output folder is a file,
/// cannot be created or is not writable. The message is one line naming the path, what was wrong and what was expected.
/// </summary>
public sealed class OutputLayoutException(string message) : Exception(message);
