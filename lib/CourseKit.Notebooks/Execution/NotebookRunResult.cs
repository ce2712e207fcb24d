using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Execution;

/// <summary>The outcome of running one notebook file.</summary>
/// <param name="SourcePath">The notebook that was run.</param>
/// <param name="Status">Succeeded, failed or invalid.</param>
/// <param name="CodeCells">Number of code cells.</param>
/// <param name="ExecutedCells">Number of code cells executed.</param>
/// <param name="Duration">Wall time, loading included.</param>
/// <param name="FirstError">One line: the first unexpected failure ("cell 3: System.Exception: boom") or why the file is invalid.</param>
/// <param name="Executed">The executed notebook (null when invalid).</param>
/// <param name="OutputPath">Where the executed copy was written, or null.</param>
public sealed record NotebookRunResult(
    string SourcePath,
    NotebookRunStatus Status,
    int CodeCells,
    int ExecutedCells,
    TimeSpan Duration,
    string? FirstError,
    Notebook? Executed,
    string? OutputPath)
{
    /// <summary>Results of the executed cells by 1-based cell number.</summary>
    public IReadOnlyDictionary<int, CellExecutionResult> Cells { get; init; } = new Dictionary<int, CellExecutionResult>();
}
