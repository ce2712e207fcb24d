namespace CourseKit.Notebooks.Execution;

/// <summary>The outcome of running one notebook.</summary>
public enum NotebookRunStatus
{
    /// <summary>Every cell succeeded (cells tagged raises-exception may have failed as they should).</summary>
    Succeeded,

    /// <summary>A cell failed.</summary>
    Failed,

    /// <summary>The file could not be read as a runnable notebook.</summary>
    Invalid,

    /// <summary>The run was cancelled (Ctrl-C) before the notebook finished; nothing was written for it.</summary>
    Cancelled,
}
