namespace CourseKit.Notebooks.Execution;

/// <summary>Settings of an <see cref="ExecutionSession"/>.</summary>
public sealed record ExecutionOptions
{
    /// <summary>The default per-cell time limit.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The default cap on one cell's stream output, in characters.</summary>
    public const int DefaultOutputLimit = 1_000_000;

    /// <summary>The folder <c>#r "relative.dll"</c> is resolved against (the notebook's folder); also the working directory while a cell runs when <see cref="SetCurrentDirectory"/>.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Whether to make <see cref="WorkingDirectory"/> the process's current directory while cells run, as VS Code does.</summary>
    public bool SetCurrentDirectory { get; init; } = true;

    /// <summary>Time limit of one cell.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultTimeout;

    /// <summary>How long a cancelled (or timed-out) cell may take to reach its next interrupt check before it is abandoned and the session broken.</summary>
    public TimeSpan InterruptGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether cells are compiled in their <see cref="InterruptRewriter"/> form, so that an interrupt or a timeout stops loops and recursion.</summary>
    public bool InterruptibleCells { get; init; } = true;

    /// <summary>Most characters of stream output one cell keeps (the end is kept, with a note of what was dropped).</summary>
    public int OutputLimit { get; init; } = DefaultOutputLimit;

    /// <summary>Where restored package sets are cached.</summary>
    public string PackageCacheDirectory { get; init; } = PackageRestorer.DefaultCacheDirectory;
}
