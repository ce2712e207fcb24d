using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Execution;

/// <summary>What executing one cell produced.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Outputs">Outputs in order, consecutive stream writes merged, as they are saved to the notebook.</param>
/// <param name="Duration">Wall time of the cell, package restore included.</param>
/// <param name="ExecutionCount">The session's execution counter for this cell.</param>
public sealed record CellExecutionResult(CellStatus Status, IReadOnlyList<CellOutput> Outputs, TimeSpan Duration, int ExecutionCount)
{
    /// <summary>Whether the cell ran without error.</summary>
    public bool Succeeded => Status == CellStatus.Succeeded;

    /// <summary>The error output, if the cell failed.</summary>
    public ErrorOutput? Error => Outputs.OfType<ErrorOutput>().LastOrDefault();
}
