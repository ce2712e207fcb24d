namespace CourseKit.Notebooks.Workers;

/// <summary>How a worker process is started: its limits and its surroundings.</summary>
public sealed record WorkerProcessOptions
{
    /// <summary>The managed heap limit in MiB (the runtime's <c>GCHeapHardLimit</c>), or null for none.</summary>
    public int? MemoryLimitMegabytes { get; init; }

    /// <summary>Start in a fresh temporary folder that is also its HOME and TMPDIR, deleted when the worker ends.</summary>
    public bool Sandbox { get; init; }
}
