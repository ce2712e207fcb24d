using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Workers;

/// <summary>
/// One notebook's engine session, running in its own worker process: what every front end (the batch
/// runner, the Jupyter kernel, the grader) drives. It behaves like an <see cref="ExecutionSession"/>
/// — <see cref="ExecuteAsync"/> returns a cell's merged outputs, <see cref="OutputProduced"/> reports
/// them live — but whatever a cell does ends at most its worker. A worker that exits, crashes or must be
/// killed (a cell that does not stop when interrupted or timed out) ends the session:
/// <see cref="EndedBecause"/> says why, that cell's result says so, and the front end starts a new session.
/// </summary>
public sealed class WorkerSession : IAsyncDisposable
{
    /// <summary>How long past its time limit (and grace period) a cell may go silent before its worker is killed.</summary>
    private static readonly TimeSpan _watchdogMargin = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a request (completion, inspection) may take: the first completion of a session loads the compiler's
    /// completion service, several seconds of JIT on a busy machine.
    /// </summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly WorkerProcess _process;
    private readonly ExecutionOptions _options;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonObject>> _replies = new();
    private readonly Task _reader;
    private TaskCompletionSource<JsonObject>? _executed;
    private CellContext? _cell;
    private string? _killedBecause;
    private string? _endedBecause;
    private string? _protocolError;
    private long _nextId;
    private int _executionCount;

    private WorkerSession(WorkerProcess process, ExecutionOptions options)
    {
        _process = process;
        _options = options;
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _reader = reading.Task;
        new Thread(() =>
        {
            Read();
            reading.TrySetResult();
        }) { IsBackground = true, Name = $"coursekit worker {process.Id} pipe" }.Start();
    }

    /// <summary>Each output as the worker reports it (stream writes coalesced; display updates flagged).</summary>
    public event EventHandler<OutputEventArgs>? OutputProduced;

    /// <summary>Why the session accepts no more cells (its worker ended, during a cell or between cells), or null.</summary>
    public string? EndedBecause
    {
        get
        {
            if (_endedBecause is null && _process.Exited.IsCompleted)
                _endedBecause = _protocolError ?? $"the worker process {_process.DescribeExit("between cells")}";
            return _endedBecause;
        }
    }

    /// <summary>The worker's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts a session of <paramref name="options"/> in a worker from <paramref name="pool"/>, or in a new one started with <paramref name="process"/>.</summary>
    /// <exception cref="WorkerException">The worker could not be started or ended before it was ready.</exception>
    public static async Task<WorkerSession> StartAsync(ExecutionOptions options, WorkerPool? pool = null, WorkerProcessOptions? process = null,
        CancellationToken cancellationToken = default)
    {
        var worker = pool?.Rent() ?? WorkerProcess.Start(process);
        var session = new WorkerSession(worker, options);
        try
        {
            if (!worker.TrySend(WorkerProtocol.Start(options)))
                throw new WorkerException($"the worker process {await session.ExitAsync("before it started").ConfigureAwait(false)}");
            await Task.WhenAny(session._started.Task, worker.Exited).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!session._started.Task.IsCompleted)
                throw new WorkerException($"the worker process {await session.ExitAsync("before it started").ConfigureAwait(false)}");
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs one cell in the worker's session.</summary>
    /// <param name="code">The cell's source.</param>
    /// <param name="label">How errors name the cell ("cell 3").</param>
    /// <param name="policy">What the cell may use (the grader's), or null.</param>
    /// <param name="cancellationToken">Interrupts the cell; a cell that does not stop is ended with its worker.</param>
    public async Task<CellExecutionResult> ExecuteAsync(string code, string label, CodePolicy? policy = null, CancellationToken cancellationToken = default)
    {
        var count = Interlocked.Increment(ref _executionCount);
        var cell = new CellContext(e => OutputProduced?.Invoke(this, e), count, _options.OutputLimit);
        if (EndedBecause is { } ended)
        {
            cell.Fail(Error($"{label} did not run: {ended}; the session must be restarted"));
            return new CellExecutionResult(CellStatus.ProcessExited, cell.Close(), TimeSpan.Zero, count);
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var executed = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _cell, cell);
        Volatile.Write(ref _executed, executed);
        var id = Interlocked.Increment(ref _nextId);
        using var interrupt = cancellationToken.Register(() =>
        {
            _process.TrySend(WorkerProtocol.Interrupt());
            KillAfter(_options.InterruptGracePeriod + _watchdogMargin, $"{label} was cancelled and did not stop", executed.Task);
        });
        if (_options.CellTimeout != Timeout.InfiniteTimeSpan)
            KillAfter(_options.CellTimeout + _options.InterruptGracePeriod + _watchdogMargin,
                $"{label} exceeded its time limit of {Seconds(_options.CellTimeout)} s and did not stop", executed.Task);

        if (_process.TrySend(WorkerProtocol.Execute(id, code, label, policy)))
            await Task.WhenAny(executed.Task, _process.Exited, _reader).ConfigureAwait(false);
        if (!executed.Task.IsCompleted) await Task.WhenAny(_reader, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None)).ConfigureAwait(false); // the outputs it sent before it ended, even after a cancel

        CellExecutionResult result;
        if (executed.Task.IsCompleted)
        {
            var (status, duration, workerCount, broken) = WorkerProtocol.ReadExecuted(executed.Task.Result);
            if (broken is not null)
            {
                _endedBecause = broken;
                cell.Write("stderr", $"{broken}, so its worker process was ended: the next cell starts a fresh session (earlier variables and definitions are gone).\n");
                await _process.DisposeAsync().ConfigureAwait(false);
            }
            result = new CellExecutionResult(status, cell.Close(), duration, workerCount);
        }
        else
        {
            var (status, message) = _killedBecause is { } killed
                ? (killed.Contains("cancelled", StringComparison.Ordinal) ? CellStatus.Cancelled : CellStatus.TimedOut,
                    $"{killed}, so its worker process was ended: the next cell starts a fresh session (earlier variables and definitions are gone)")
                : (CellStatus.ProcessExited, $"the worker process {await ExitAsync($"in {label}").ConfigureAwait(false)}");
            _endedBecause ??= _protocolError ?? message;
            cell.Fail(Error(_protocolError is null ? message : $"{_protocolError} in {label}"));
            result = new CellExecutionResult(status, cell.Close(), clock.Elapsed, count);
        }
        Volatile.Write(ref _executed, null);
        return result;
    }

    /// <summary>Asks the worker's session something (completion, inspection); null when the worker has gone or does not answer in time.</summary>
    public async Task<JsonObject?> RequestAsync(string kind, JsonObject content, CancellationToken cancellationToken = default)
    {
        if (EndedBecause is not null) return null;
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replies[id] = reply;
        try
        {
            if (!_process.TrySend(WorkerProtocol.Request(id, kind, content))) return null;
            var done = await Task.WhenAny(reply.Task, _process.Exited, Task.Delay(RequestTimeout, cancellationToken)).ConfigureAwait(false);
            return done == reply.Task ? reply.Task.Result : null;
        }
        finally
        {
            _replies.TryRemove(id, out _);
        }
    }

    /// <summary>Ends the worker (and whatever its cells started).</summary>
    public async ValueTask DisposeAsync()
    {
        _endedBecause ??= "the session was closed";
        await _process.DisposeAsync().ConfigureAwait(false);
        await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>The pipe's reading loop, on its own thread: each message goes to the cell, the start or the request waiting for it.</summary>
    private void Read()
    {
        try
        {
            while (_process.Channel.Receive() is { } message)
            {
                switch (WorkerProtocol.TypeOf(message))
                {
                    case "started":
                        _started.TrySetResult();
                        break;
                    case "output":
                        var (output, update, isResult) = WorkerProtocol.ReadOutput(message);
                        var cell = Volatile.Read(ref _cell);
                        switch (output)
                        {
                            case StreamOutput s: cell?.Write(s.Name, s.Text); break;
                            case DisplayDataOutput d: cell?.Display(d, update, isResult); break;
                            case ErrorOutput e: cell?.Fail(e); break;
                        }
                        break;
                    case "executed":
                        Volatile.Read(ref _executed)?.TrySetResult(message);
                        break;
                    case "reply":
                        if (_replies.TryGetValue((long?)message["id"] ?? 0, out var reply))
                            reply.TrySetResult(message["content"] as JsonObject ?? new JsonObject());
                        break;
                }
            }
        }
        catch (Exception e)
        {
            // a cell wrote to the process's own standard output, or the pipe broke: the session cannot go on
            _protocolError = $"the worker's pipe was corrupted ({e.GetType().Name}: {e.Message}); a cell may have written to the process's standard output directly";
            _ = _process.DisposeAsync().AsTask();
        }
    }

    private void KillAfter(TimeSpan delay, string reason, Task done)
    {
        _ = Task.Delay(delay).ContinueWith(async _ =>
        {
            if (done.IsCompleted) return;
            _killedBecause ??= reason;
            await _process.DisposeAsync().ConfigureAwait(false);
        }, TaskScheduler.Default);
    }

    private async Task<string> ExitAsync(string where)
    {
        await _process.Exited.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return _process.DescribeExit(where);
    }

    private static ErrorOutput Error(string message) => new("Error", message, [message]);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
