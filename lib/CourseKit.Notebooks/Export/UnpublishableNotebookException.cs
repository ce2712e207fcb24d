namespace CourseKit.Notebooks.Export;

/// <summary>
/// An <see cref="ISiteView"/> cannot publish a notebook safely (say, its exercises break the format, so the student
/// view cannot be made); the message names the file and says what was wrong. The site then holds nothing of it and
/// reports it as invalid.
/// </summary>
public sealed class UnpublishableNotebookException(string message) : Exception(message);
