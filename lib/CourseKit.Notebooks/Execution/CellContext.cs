using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The outputs of the cell that is running: stream writes and displays in the order they happen,
/// consecutive writes to the same stream merged. Thread-safe (cells may write from other threads).
/// Once <see cref="Close"/>d (cell finished, or timed out) late writes are dropped.
/// </summary>
internal sealed class CellContext(Action<OutputEventArgs> raise, int executionCount)
{
    private readonly List<CellOutput> _outputs = new();
    private readonly object _gate = new();
    private bool _closed;
    private int _interrupt; // 0 running, 1 interrupt requested (counted in CellInterrupt), 2 finished

    /// <summary>Cancellation of this cell: what <see cref="ThrowIfInterrupted"/> reports.</summary>
    public CancellationToken Interruption { get; private set; }

    /// <summary>The cell's execution count.</summary>
    public int ExecutionCount { get; } = executionCount;

    /// <summary>Makes <paramref name="token"/> interrupt the cell's code at its next <see cref="CellInterrupt.Check"/>.</summary>
    public CancellationTokenRegistration InterruptOn(CancellationToken token)
    {
        Interruption = token;
        return token.Register(() =>
        {
            if (Interlocked.CompareExchange(ref _interrupt, 1, 0) == 0) CellInterrupt.Raise();
        });
    }

    /// <summary>The cell's code has stopped: its pending interrupt no longer counts.</summary>
    public void Finished()
    {
        if (Interlocked.Exchange(ref _interrupt, 2) == 1) CellInterrupt.Lower();
    }

    /// <summary>Throws when the cell was interrupted (called by <see cref="CellInterrupt.Check"/>).</summary>
    public void ThrowIfInterrupted()
    {
        if (Volatile.Read(ref _interrupt) == 1) throw new OperationCanceledException("the cell was interrupted", Interruption);
    }

    /// <summary>Appends text to stdout or stderr.</summary>
    public void Write(string stream, string text)
    {
        if (text.Length == 0) return;
        StreamOutput chunk;
        lock (_gate)
        {
            if (_closed) return;
            chunk = new StreamOutput(stream, text);
            if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == stream)
                _outputs[^1] = last with { Text = last.Text + text };
            else
                _outputs.Add(chunk);
        }
        raise(new OutputEventArgs(chunk, false, ExecutionCount));
    }

    /// <summary>Adds a display, or replaces the display with the same id when <paramref name="update"/>.</summary>
    public void Display(DisplayDataOutput output, bool update = false, bool result = false)
    {
        lock (_gate)
        {
            if (_closed) return;
            var index = update && output.DisplayId is { } id
                ? _outputs.FindIndex(o => o is DisplayDataOutput d && d.DisplayId == id)
                : -1;
            if (index >= 0) _outputs[index] = output;
            else _outputs.Add(output);
        }
        raise(new OutputEventArgs(output, update, ExecutionCount) { IsResult = result });
    }

    /// <summary>Adds the cell's error output.</summary>
    public void Fail(ErrorOutput error)
    {
        lock (_gate) _outputs.Add(error);
        raise(new OutputEventArgs(error, false, ExecutionCount));
    }

    /// <summary>Stops accepting output and returns the outputs.</summary>
    public IReadOnlyList<CellOutput> Close()
    {
        lock (_gate)
        {
            _closed = true;
            return _outputs.ToArray();
        }
    }
}
