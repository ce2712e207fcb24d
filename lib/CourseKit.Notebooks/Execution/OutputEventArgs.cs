using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// An output raised while a cell runs, as it happens: each stream write separately (not merged), each
/// display, each display update (<see cref="IsUpdate"/>: replace the output with the same display id),
/// the error. Front ends (the Jupyter kernel) forward these live; the batch runner uses the merged
/// <see cref="CellExecutionResult.Outputs"/> instead.
/// </summary>
public sealed class OutputEventArgs(CellOutput output, bool isUpdate, int executionCount) : EventArgs
{
    /// <summary>The output.</summary>
    public CellOutput Output { get; } = output;

    /// <summary>Whether this replaces an earlier display with the same <see cref="DisplayDataOutput.DisplayId"/>.</summary>
    public bool IsUpdate { get; } = isUpdate;

    /// <summary>Whether this display is the cell's trailing value (a Jupyter kernel sends it as <c>execute_result</c>).</summary>
    public bool IsResult { get; init; }

    /// <summary>The execution count of the cell that produced it.</summary>
    public int ExecutionCount { get; } = executionCount;
}
