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

    /// <summary>Where restored package sets are cached.</summary>
    public string PackageCacheDirectory { get; init; } = PackageRestorer.DefaultCacheDirectory;
}
