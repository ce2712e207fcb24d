namespace CourseKit.Notebooks.Execution;

/// <summary>How a cell's execution ended.</summary>
public enum CellStatus
{
    /// <summary>Ran to completion.</summary>
    Succeeded,

    /// <summary>Did not compile: the compiler's diagnostics are in the error output.</summary>
    CompileError,

    /// <summary>Threw an exception.</summary>
    RuntimeError,

    /// <summary>Ran longer than the time limit and was abandoned.</summary>
    TimedOut,

    /// <summary>Cancelled by the caller (interrupt).</summary>
    Cancelled,

    /// <summary>Uses something the engine does not support (another kernel language, a magic command, a failed package restore).</summary>
    Unsupported,

    /// <summary>Uses something its <see cref="CodePolicy"/> forbids; the cell did not run.</summary>
    PolicyViolation,

    /// <summary>The worker process running the session ended during the cell (exit, crash, stack overflow, out of memory, killed); the session's state is gone.</summary>
    ProcessExited,
}
