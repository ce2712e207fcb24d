using System.Text;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Workers;

/// <summary>
/// Forwards a worker session's outputs to the front end as they happen, in order, with consecutive
/// writes to one stream coalesced for up to <see cref="FlushInterval"/>: a loop of 20 000
/// <c>WriteLine</c>s becomes a few dozen messages, while a display or an error goes at once
/// (after the text before it).
/// </summary>
internal sealed class LiveOutputs : IDisposable
{
    /// <summary>How long stream text may wait for more before it is sent.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    private const int MaxPendingChars = 1 << 20;

    private readonly object _gate = new();
    private readonly StringBuilder _pending = new();
    private readonly Action<JsonObject> _send;
    private readonly Timer _timer;
    private string? _pendingStream;
    private int _count;
    private bool _scheduled;

    public LiveOutputs(Action<JsonObject> send)
    {
        _send = send;
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Takes one output event of the session.</summary>
    public void Add(OutputEventArgs e)
    {
        lock (_gate)
        {
            if (e.Output is StreamOutput s)
            {
                if (_pendingStream is not null && _pendingStream != s.Name) FlushLocked();
                _pendingStream = s.Name;
                _count = e.ExecutionCount;
                _pending.Append(s.Text);
                if (_pending.Length > MaxPendingChars) FlushLocked();
                else if (!_scheduled)
                {
                    _scheduled = true;
                    _timer.Change(FlushInterval, Timeout.InfiniteTimeSpan);
                }
                return;
            }
            FlushLocked();
            _send(WorkerProtocol.Output(e));
        }
    }

    /// <summary>Sends the stream text still waiting (before the cell's end is reported).</summary>
    public void Flush()
    {
        lock (_gate) FlushLocked();
    }

    private void FlushLocked()
    {
        _scheduled = false;
        if (_pendingStream is null) return;
        var chunk = new StreamOutput(_pendingStream, _pending.ToString());
        _pending.Clear();
        _pendingStream = null;
        _send(WorkerProtocol.Output(new OutputEventArgs(chunk, false, _count)));
    }

    public void Dispose() => _timer.Dispose();
}
