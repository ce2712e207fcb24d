using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Workers;

namespace CourseKit.Notebooks.Execution;

/// <summary>Settings of a batch run of notebooks.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Folder for the executed copies (named like the source); null to write none.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Time limit of one cell.</summary>
    public TimeSpan CellTimeout { get; init; } = ExecutionOptions.DefaultTimeout;

    /// <summary>Run the remaining cells after a failing one.</summary>
    public bool KeepGoing { get; init; }

    /// <summary>The (1-based) number of the last cell to run, or null for all: later cells are left unrun, without outputs.</summary>
    public int? LastCell { get; init; }

    /// <summary>Time limit of the whole notebook (all its cells), or null for none.</summary>
    public TimeSpan? NotebookTimeout { get; init; }

    /// <summary>Most characters of stream output kept per cell; beyond it the start is dropped with a visible note, as Jupyter keeps the end.</summary>
    public int OutputLimit { get; init; } = ExecutionOptions.DefaultOutputLimit;

    /// <summary>The worker process's managed heap limit in MiB, or null for none.</summary>
    public int? MemoryLimitMegabytes { get; init; }

    /// <summary>Run the worker in a fresh temporary working directory with its own HOME (deleted afterwards) instead of the notebook's folder.</summary>
    public bool Sandbox { get; init; }

    /// <summary>The policy each code cell is checked against before it runs (null: none); the grader's hook.</summary>
    public Func<NotebookCell, CodePolicy?>? Policy { get; init; }

    /// <summary>Warm worker processes to take sessions from (their options must match <see cref="MemoryLimitMegabytes"/> and <see cref="Sandbox"/>); null to start one per notebook.</summary>
    public WorkerPool? Workers { get; init; }

    /// <summary>How a worker for these options is started.</summary>
    public WorkerProcessOptions WorkerProcess => new() { MemoryLimitMegabytes = MemoryLimitMegabytes, Sandbox = Sandbox };

    /// <summary>Where restored package sets are cached.</summary>
    public string PackageCacheDirectory { get; init; } = PackageRestorer.DefaultCacheDirectory;
}
