using System.Text.Json.Nodes;
using CourseKit.Kernel.Protocol;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using CourseKit.Notebooks.Workers;
using NetMQ;
using NetMQ.Sockets;

namespace CourseKit.Kernel.Server;

/// <summary>
/// The execution engine as a Jupyter kernel (messaging protocol 5.3 over ZeroMQ). The kernel is only
/// the protocol: cells run in a <see cref="WorkerSession"/>, a worker process that a cell can exit, crash
/// or wedge without taking the kernel down; the kernel then starts a fresh session at once (warm by the
/// time the next cell comes) and says so in the cell's output. Five sockets bind where the connection file
/// says: shell and control (ROUTER) each served by their own thread, iopub (PUB) shared under a lock,
/// stdin (ROUTER, bound but unused: cells cannot read input), heartbeat (ROUTER echo). Shell requests run
/// one at a time; control stays responsive while a cell runs, so <c>interrupt_request</c> cancels it (a
/// cell that does not stop is ended with its worker) and <c>shutdown_request</c> ends the kernel. Every
/// message is signed with the connection key; a message with a missing or wrong signature is logged and
/// dropped. A request with a wrong-typed field gets an error reply. The kernel ends when the process
/// named by <c>JPY_PARENT_PID</c> (the Jupyter server) has gone.
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(100);

    private readonly ConnectionInfo _connection;
    private readonly MessageSigner _signer;
    private readonly TextWriter _log;
    private readonly string _messageSession = Guid.NewGuid().ToString("N");
    private readonly object _iopubGate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ExecutionOptions _options;
    private Task<WorkerSession>? _worker;
    private RouterSocket? _shell, _control, _stdin, _heartbeat;
    private PublisherSocket? _iopub;
    private CancellationTokenSource? _running;
    private int _executionCount;
    private volatile bool _plotlySent;

    /// <summary>Creates a kernel for <paramref name="connection"/>; nothing is bound until <see cref="Start"/>.</summary>
    public JupyterKernel(ConnectionInfo connection, ExecutionOptions? options = null, TextWriter? log = null)
    {
        _connection = connection;
        _signer = new MessageSigner(connection.Key);
        _log = log ?? Console.Error;
        _options = options ?? new ExecutionOptions { CellTimeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Whether a shutdown was requested with <c>restart: true</c>.</summary>
    public bool RestartRequested { get; private set; }

    /// <summary>Binds the five sockets.</summary>
    /// <exception cref="KernelStartException">A port is in use or the address cannot be bound; the message names it.</exception>
    public void Start()
    {
        _shell = Bind(new RouterSocket(), "shell", _connection.ShellPort);
        _control = Bind(new RouterSocket(), "control", _connection.ControlPort);
        _stdin = Bind(new RouterSocket(), "stdin", _connection.StdinPort);
        _heartbeat = Bind(new RouterSocket(), "heartbeat", _connection.HeartbeatPort);
        _iopub = Bind(new PublisherSocket(), "iopub", _connection.IOPubPort);
    }

    private T Bind<T>(T socket, string name, int port) where T : NetMQSocket
    {
        socket.Options.Linger = TimeSpan.FromMilliseconds(500);
        try
        {
            socket.Bind(_connection.Address(port));
            return socket;
        }
        catch (Exception e) when (e is NetMQException or System.Net.Sockets.SocketException)
        {
            socket.Dispose();
            Dispose();
            var why = e is AddressAlreadyInUseException || e.Message.Contains("in use", StringComparison.OrdinalIgnoreCase)
                ? "is already in use"
                : $"cannot be bound ({e.Message})";
            throw new KernelStartException($"the {name} port {port} on {_connection.Ip} {why}", e);
        }
    }

    /// <summary>Interrupts the running cell, if any (what <c>interrupt_request</c> and SIGINT do).</summary>
    public void Interrupt()
    {
        try
        {
            _running?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the cell ended meanwhile
        }
    }

    /// <summary>Serves until a <c>shutdown_request</c> (or <paramref name="cancellationToken"/>).</summary>
    public void Run(CancellationToken cancellationToken = default)
    {
        if (_shell is null) Start();
        using var link = cancellationToken.Register(() => _stop.Cancel());
        using var parent = new ParentWatch(() =>
        {
            Log("the front end (JPY_PARENT_PID) has gone: shutting down");
            Interrupt();
            _stop.Cancel();
        });
        _worker = StartSessionAsync(); // the worker warms up while the front end connects
        var threads = new[]
        {
            new Thread(() => Serve(_shell!, "shell")) { Name = "jupyter shell", IsBackground = true },
            new Thread(() => Serve(_control!, "control")) { Name = "jupyter control", IsBackground = true },
            new Thread(Heartbeat) { Name = "jupyter heartbeat", IsBackground = true },
        };
        foreach (var t in threads) t.Start();
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, new JsonObject());
        foreach (var t in threads) t.Join();
    }

    private void Heartbeat()
    {
        var frames = new List<byte[]>();
        while (!_stop.IsCancellationRequested)
        {
            if (!_heartbeat!.TryReceiveMultipartBytes(_poll, ref frames)) continue;
            _heartbeat!.SendMultipartBytes(frames);
        }
    }

    private void Serve(RouterSocket socket, string channel)
    {
        var frames = new List<byte[]>();
        while (!_stop.IsCancellationRequested)
        {
            if (!socket.TryReceiveMultipartBytes(_poll, ref frames)) continue;
            var request = WireFormat.Decode(frames, _signer, out var rejection);
            if (request is null)
            {
                Log($"dropped a {channel} message: {rejection}");
                continue;
            }
            try
            {
                Handle(socket, channel, request);
            }
            catch (Exception e)
            {
                Log($"{channel} {request.Type} failed: {e}");
            }
        }
    }

    private void Handle(RouterSocket socket, string channel, JupyterMessage request)
    {
        var parent = request.Header;
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, parent);
        try
        {
            if (request.Header["msg_type"] is not JsonValue type || !type.TryGetValue<string>(out _))
            {
                Log($"dropped a {channel} message whose header has no msg_type string");
                return;
            }
            switch (request.Type)
            {
                case "kernel_info_request":
                    _plotlySent = false; // a front end (re)connected: its page may not have plotly.js yet
                    Reply(socket, request, "kernel_info_reply", KernelInfo.Content());
                    break;
                case "execute_request":
                    Execute(socket, request);
                    break;
                case "is_complete_request":
                    var status = CodeCompleteness.Of(RequestFields.String(request.Content, "code", ""));
                    Reply(socket, request, "is_complete_reply", status == "incomplete"
                        ? new JsonObject { ["status"] = status, ["indent"] = "" }
                        : new JsonObject { ["status"] = status });
                    break;
                case "complete_request" or "inspect_request":
                    Reply(socket, request, request.Type.Replace("_request", "_reply", StringComparison.Ordinal), Ask(request));
                    break;
                case "comm_info_request":
                    Reply(socket, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                    break;
                case "history_request":
                    Reply(socket, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                    break;
                case "interrupt_request":
                    Interrupt();
                    Reply(socket, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                    break;
                case "shutdown_request":
                    RestartRequested = RequestFields.Bool(request.Content, "restart", false);
                    Interrupt();
                    Reply(socket, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = RestartRequested });
                    _stop.Cancel();
                    break;
                case "comm_open" or "comm_msg" or "comm_close":
                    break; // no comm targets: the message is ignored, as the protocol allows
                default:
                    Log($"unknown {channel} message type '{request.Type}' ignored");
                    break;
            }
        }
        catch (Exception e) when (e is InvalidRequestException or WorkerException)
        {
            Log($"{channel} {request.Type}: {e.Message}");
            if (request.Type.EndsWith("_request", StringComparison.Ordinal))
                Reply(socket, request, request.Type.Replace("_request", "_reply", StringComparison.Ordinal), new JsonObject
                {
                    ["status"] = "error", ["ename"] = e is WorkerException ? "WorkerError" : "InvalidRequest", ["evalue"] = e.Message,
                    ["traceback"] = new JsonArray(e.Message),
                });
            if (e is WorkerException) _worker = null; // try a new worker at the next request
        }
        finally
        {
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, parent);
        }
    }

    private void Execute(RouterSocket socket, JupyterMessage request)
    {
        var code = RequestFields.String(request.Content, "code");
        var silent = RequestFields.Bool(request.Content, "silent", false);
        var storeHistory = !silent && RequestFields.Bool(request.Content, "store_history", true);
        var count = storeHistory ? Interlocked.Increment(ref _executionCount) : _executionCount;
        var parent = request.Header;
        if (!silent)
            Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, parent);

        var session = CurrentSession(out var restarted);
        if (restarted is not null && !silent)
            PublishOutput(new OutputEventArgs(new StreamOutput("stderr", $"The session was restarted ({restarted}): earlier variables and definitions are gone.\n"), false, count), count, parent);
        var forwarded = 0L;
        var truncated = false;
        void Forward(object? sender, OutputEventArgs e)
        {
            if (silent) return;
            if (e.Output is StreamOutput s)
            {
                // the front end gets at most one cell's output limit of text, then one note
                forwarded += s.Text.Length;
                if (forwarded > _options.OutputLimit)
                {
                    if (!truncated)
                        PublishOutput(new OutputEventArgs(new StreamOutput("stderr", $"\n[… output beyond {_options.OutputLimit:N0} characters is not shown …]\n"), false, count), count, parent);
                    truncated = true;
                    return;
                }
            }
            PublishOutput(e, count, parent);
        }

        using var running = new CancellationTokenSource();
        _running = running;
        session.OutputProduced += Forward;
        CellExecutionResult result;
        try
        {
            var label = storeHistory ? $"cell {count}" : "cell";
            result = session.ExecuteAsync(code, label, policy: null, running.Token).GetAwaiter().GetResult();
        }
        finally
        {
            session.OutputProduced -= Forward;
            _running = null;
        }
        if (session.EndedBecause is not null)
        {
            _ = session.DisposeAsync().AsTask();
            _worker = StartSessionAsync(); // the next cell finds a warm session
        }

        var error = result.Succeeded ? null : result.Error;
        var reply = error is null
            ? new JsonObject { ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() }
            : CellOutputJson.Message(error).Content; // ename, evalue and traceback, as in the error output
        reply["status"] = error is null ? "ok" : "error";
        reply["execution_count"] = count;
        Reply(socket, request, "execute_reply", reply);
    }

    /// <summary>The session to run the next cell in: a fresh one when the last has ended (and why, to tell the student).</summary>
    private WorkerSession CurrentSession(out string? restarted)
    {
        restarted = null;
        var session = (_worker ??= StartSessionAsync()).GetAwaiter().GetResult();
        if (session.EndedBecause is { } why && _worker.IsCompleted && ReferenceEquals(_worker.Result, session))
        {
            restarted = why;
            _ = session.DisposeAsync().AsTask();
            _worker = StartSessionAsync();
            session = _worker.GetAwaiter().GetResult();
        }
        return session;
    }

    /// <summary>A new session; started as soon as the last one ends, so it is warm when the next cell comes.</summary>
    private Task<WorkerSession> StartSessionAsync() => WorkerSession.StartAsync(_options);

    /// <summary>complete_request and inspect_request, answered by the session's worker from its state.</summary>
    private JsonObject Ask(JupyterMessage request)
    {
        var content = new JsonObject
        {
            ["code"] = RequestFields.String(request.Content, "code", ""),
            ["cursor_pos"] = RequestFields.Int(request.Content, "cursor_pos", 0),
        };
        var kind = request.Type == "inspect_request" ? "inspect" : "complete";
        var session = CurrentSession(out _);
        return session.RequestAsync(kind, content).GetAwaiter().GetResult()
            ?? new JsonObject { ["status"] = "error", ["ename"] = "SessionEnded", ["evalue"] = session.EndedBecause ?? "no reply from the session", ["traceback"] = new JsonArray() };
    }

    private void PublishOutput(OutputEventArgs e, int count, JsonObject parent)
    {
        var (type, content) = CellOutputJson.Message(e.Output);
        if (e.Output is DisplayDataOutput d)
        {
            if (!_plotlySent && d.Data.TryGetValue("text/html", out var html) && PlotlyLoader.Needs(html))
            {
                _plotlySent = true;
                var (loaderType, loader) = CellOutputJson.Message(DisplayDataOutput.Of("text/html", PlotlyLoader.Html));
                Publish(loaderType, loader, parent);
            }
            if (e.IsResult && !e.IsUpdate)
            {
                content.Remove("transient");
                content["execution_count"] = count;
                type = "execute_result";
            }
            else
            {
                type = e.IsUpdate ? "update_display_data" : "display_data";
            }
        }
        Publish(type, content, parent);
    }

    private void Reply(RouterSocket socket, JupyterMessage request, string type, JsonObject content)
    {
        var message = new JupyterMessage
        {
            Identities = request.Identities,
            Header = JupyterMessage.NewHeader(type, _messageSession),
            ParentHeader = request.Header,
            Content = content,
        };
        socket.SendMultipartBytes(WireFormat.Encode(message, _signer));
    }

    private void Publish(string type, JsonObject content, JsonObject parent)
    {
        var message = new JupyterMessage
        {
            Identities = [System.Text.Encoding.UTF8.GetBytes($"kernel.{_messageSession}.{type}")],
            Header = JupyterMessage.NewHeader(type, _messageSession),
            ParentHeader = parent,
            Content = content,
        };
        var frames = WireFormat.Encode(message, _signer);
        lock (_iopubGate) _iopub?.SendMultipartBytes(frames);
    }

    private void Log(string line)
    {
        lock (_log) _log.WriteLine($"[coursekit kernel] {line}");
    }

    /// <summary>Closes the sockets.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        if (_worker is { IsCompletedSuccessfully: true } session) session.Result.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        foreach (var s in new NetMQSocket?[] { _shell, _control, _stdin, _heartbeat, _iopub }) s?.Dispose();
        _shell = _control = _stdin = _heartbeat = null;
        _iopub = null;
    }
}
