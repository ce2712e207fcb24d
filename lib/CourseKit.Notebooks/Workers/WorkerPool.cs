namespace CourseKit.Notebooks.Workers;

/// <summary>
/// Worker processes started ahead of need: a worker warms its compiler as soon as it starts (about a
/// second), so a front end that runs notebook after notebook, or restarts a kernel, takes one that is
/// already warm while the pool starts the next. Each process serves one session and is never reused,
/// so nothing one notebook does can reach another. A pool that knows how many sessions it will serve
/// (<c>sessions</c>) starts no spare beyond them: a warm-up costs a second of processor time.
/// </summary>
public sealed class WorkerPool(WorkerProcessOptions? options = null, int spares = 1, int? sessions = null) : IAsyncDisposable
{
    private readonly Queue<WorkerProcess> _ready = new();
    private int _started;
    private bool _disposed;

    /// <summary>How the pool's processes are started.</summary>
    public WorkerProcessOptions Options { get; } = options ?? new WorkerProcessOptions();

    /// <summary>A started worker for one session (the caller disposes it); the pool starts its replacement.</summary>
    public WorkerProcess Rent()
    {
        WorkerProcess? ready = null;
        lock (_ready)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            while (_ready.Count > 0 && ready is null)
            {
                var next = _ready.Dequeue();
                if (!next.Exited.IsCompleted) ready = next;
                else _ = next.DisposeAsync().AsTask();
            }
        }
        if (ready is null)
        {
            ready = WorkerProcess.Start(Options);
            lock (_ready) _started++;
        }
        Fill();
        return ready;
    }

    /// <summary>Starts processes until <c>spares</c> are waiting.</summary>
    public void Fill()
    {
        lock (_ready)
        {
            while (!_disposed && _ready.Count < spares && (sessions is not { } total || _started < total))
            {
                _ready.Enqueue(WorkerProcess.Start(Options));
                _started++;
            }
        }
    }

    /// <summary>Ends the waiting processes.</summary>
    public async ValueTask DisposeAsync()
    {
        WorkerProcess[] waiting;
        lock (_ready)
        {
            _disposed = true;
            waiting = _ready.ToArray();
            _ready.Clear();
        }
        foreach (var p in waiting) await p.DisposeAsync().ConfigureAwait(false);
    }
}
