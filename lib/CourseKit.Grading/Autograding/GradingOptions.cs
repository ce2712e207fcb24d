using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Workers;

namespace CourseKit.Grading.Autograding;

/// <summary>How submissions are run: the limits of the worker process and the policy student code runs under.</summary>
public sealed record GradingOptions
{
    /// <summary>The default time limit of one cell when grading.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default time limit of a whole submission.</summary>
    public static readonly TimeSpan DefaultNotebookTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The default memory cap of a submission's worker process, in MiB.</summary>
    public const int DefaultMemoryLimitMegabytes = 2048;

    /// <summary>The policy every student cell starts from (<see cref="CodePolicies.Untrusted"/>); exercises add their rules to it.</summary>
    public CodePolicy BaselinePolicy { get; init; } = CodePolicies.Untrusted;

    /// <summary>Time limit of one cell.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>Time limit of a whole submission.</summary>
    public TimeSpan NotebookTimeout { get; init; } = DefaultNotebookTimeout;

    /// <summary>Memory cap of a submission's worker process in MiB, or null for none.</summary>
    public int? MemoryLimitMegabytes { get; init; } = DefaultMemoryLimitMegabytes;

    /// <summary>Most characters of stream output kept per cell.</summary>
    public int OutputLimit { get; init; } = ExecutionOptions.DefaultOutputLimit;

    /// <summary>Where restored package sets are cached.</summary>
    public string PackageCacheDirectory { get; init; } = PackageRestorer.DefaultCacheDirectory;

    /// <summary>
    /// Whether the cells after the last test run too. They cannot change a grade, and a lecture's long
    /// experiments often come after its exercises, so by default grading stops after the last test cell (the
    /// feedback shows the later cells without outputs); set it for feedback that shows every output.
    /// </summary>
    public bool RunEveryCell { get; init; }

    /// <summary>How a submission's worker process is started: sandboxed, with the memory cap.</summary>
    public WorkerProcessOptions WorkerProcess => new() { Sandbox = true, MemoryLimitMegabytes = MemoryLimitMegabytes };

    /// <summary>The engine's options for one graded run of <paramref name="notebook"/>: isolated, sandboxed, every cell under its policy, all cells run to the last test (or every cell).</summary>
    internal NotebookRunOptions RunOptions(Composition.ComposedNotebook notebook) => new()
    {
        LastCell = RunEveryCell ? null : notebook.LastTestNumber,
        CellTimeout = CellTimeout,
        NotebookTimeout = NotebookTimeout,
        MemoryLimitMegabytes = MemoryLimitMegabytes,
        OutputLimit = OutputLimit,
        Sandbox = true,
        KeepGoing = true,
        Policy = notebook.PolicyFor,
        PackageCacheDirectory = PackageCacheDirectory,
    };
}
