using System.Globalization;
using System.Text;
using CourseKit.Notebooks.Documents;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The outputs of the cell that is running: stream writes and displays in the order they happen,
/// consecutive writes to the same stream merged (in linear time). Stream text is capped at
/// <c>outputLimit</c> characters: beyond it the oldest text is dropped and a note says how much, as
/// Jupyter keeps the end of a long output. Thread-safe (cells may write from other threads). Once
/// <see cref="Close"/>d (cell finished, or timed out) late writes are dropped.
/// </summary>
internal sealed class CellContext(Action<OutputEventArgs> raise, int executionCount, int outputLimit = ExecutionOptions.DefaultOutputLimit)
{
    private readonly List<object> _outputs = new(); // CellOutput, or StreamText while a stream may still grow
    private readonly object _gate = new();
    private long _streamChars;
    private long _dropped;
    private bool _closed;
    private int _interrupt; // 0 running, 1 interrupt requested (counted in CellInterrupt), 2 finished

    private sealed class StreamText(string name)
    {
        public string Name { get; } = name;

        public StringBuilder Text { get; } = new();
    }

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
        lock (_gate)
        {
            if (_closed) return;
            if (_outputs.Count == 0 || _outputs[^1] is not StreamText last || last.Name != stream)
                _outputs.Add(last = new StreamText(stream));
            last.Text.Append(text);
            _streamChars += text.Length;
            if (_streamChars > 2L * outputLimit) Trim();
        }
        raise(new OutputEventArgs(new StreamOutput(stream, text), false, ExecutionCount));
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
            if (_streamChars > outputLimit) Trim();
            var outputs = new List<CellOutput>(_outputs.Count);
            var noted = _dropped == 0;
            foreach (var o in _outputs)
            {
                if (o is not StreamText s)
                {
                    outputs.Add((CellOutput)o);
                    continue;
                }
                var text = s.Text.ToString();
                if (!noted)
                {
                    text = DroppedNote() + text;
                    noted = true;
                }
                outputs.Add(new StreamOutput(s.Name, text));
            }
            return outputs;
        }
    }

    private string DroppedNote() => string.Format(CultureInfo.InvariantCulture,
        "[… {0:N0} characters of output were dropped here: a cell keeps the last {1:N0} …]\n", _dropped, outputLimit);

    /// <summary>Drops the oldest stream text until at most <c>outputLimit</c> characters remain.</summary>
    private void Trim()
    {
        var excess = _streamChars - outputLimit;
        for (var i = 0; i < _outputs.Count && excess > 0; i++)
        {
            if (_outputs[i] is not StreamText s) continue;
            var cut = (int)Math.Min(excess, s.Text.Length);
            s.Text.Remove(0, cut);
            excess -= cut;
            _streamChars -= cut;
            _dropped += cut;
        }
        _outputs.RemoveAll(o => o is StreamText { Text.Length: 0 });
    }
}
