using System.Text.Json.Nodes;
using CourseKit.Kernel.Completion;
using CourseKit.Kernel.Protocol;
using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;
using NetMQ;
using NetMQ.Sockets;

namespace CourseKit.Kernel.Server;

/// <summary>
/// The execution engine as a Jupyter kernel (messaging protocol 5.3 over ZeroMQ). Five sockets bind
/// where the connection file says: shell and control (ROUTER) each served by their own thread, iopub
/// (PUB) shared under a lock, stdin (ROUTER, bound but unused: cells cannot read input), heartbeat
/// (ROUTER echo). Shell requests run one at a time; control stays responsive while a cell runs, so
/// <c>interrupt_request</c> cancels it (the engine's cooperative interrupt stops even an endless loop)
/// and <c>shutdown_request</c> ends the kernel. Every message is signed with the connection key;
/// a message with a missing or wrong signature is logged and dropped, never handled.
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(100);

    private readonly ConnectionInfo _connection;
    private readonly MessageSigner _signer;
    private readonly TextWriter _log;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly object _iopubGate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ExecutionSession _engine;
    private readonly ScriptCompletion _completion;
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
        _engine = new ExecutionSession(options ?? new ExecutionOptions { CellTimeout = Timeout.InfiniteTimeSpan });
        _completion = new ScriptCompletion(_engine);
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
        _ = _engine.WarmUpAsync(); // compile the preamble while the front end connects
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
                    var status = CodeCompleteness.Of((string?)request.Content["code"] ?? "");
                    Reply(socket, request, "is_complete_reply", status == "incomplete"
                        ? new JsonObject { ["status"] = status, ["indent"] = "" }
                        : new JsonObject { ["status"] = status });
                    break;
                case "complete_request":
                    Reply(socket, request, "complete_reply", _completion.Complete((string?)request.Content["code"] ?? "", (int?)request.Content["cursor_pos"] ?? 0));
                    break;
                case "inspect_request":
                    Reply(socket, request, "inspect_reply", _completion.Inspect((string?)request.Content["code"] ?? "", (int?)request.Content["cursor_pos"] ?? 0));
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
                    RestartRequested = (bool?)request.Content["restart"] ?? false;
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
        finally
        {
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, parent);
        }
    }

    private void Execute(RouterSocket socket, JupyterMessage request)
    {
        var code = (string?)request.Content["code"] ?? "";
        var silent = (bool?)request.Content["silent"] ?? false;
        var storeHistory = !silent && ((bool?)request.Content["store_history"] ?? true);
        var count = storeHistory ? Interlocked.Increment(ref _executionCount) : _executionCount;
        var parent = request.Header;
        if (!silent)
            Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, parent);

        void Forward(object? sender, OutputEventArgs e)
        {
            if (!silent) PublishOutput(e, count, parent);
        }

        using var running = new CancellationTokenSource();
        _running = running;
        _engine.OutputProduced += Forward;
        CellExecutionResult result;
        try
        {
            var label = storeHistory ? $"cell {count}" : "cell";
            result = _engine.ExecuteAsync(code, label, running.Token).GetAwaiter().GetResult();
        }
        finally
        {
            _engine.OutputProduced -= Forward;
            _running = null;
        }

        var reply = new JsonObject { ["execution_count"] = count };
        if (result.Error is { } error && !result.Succeeded)
        {
            reply["status"] = "error";
            reply["ename"] = error.Name;
            reply["evalue"] = error.Value;
            reply["traceback"] = new JsonArray(error.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }
        else
        {
            reply["status"] = "ok";
            reply["user_expressions"] = new JsonObject();
            reply["payload"] = new JsonArray();
        }
        Reply(socket, request, "execute_reply", reply);
    }

    private void PublishOutput(OutputEventArgs e, int count, JsonObject parent)
    {
        switch (e.Output)
        {
            case StreamOutput s:
                Publish("stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text }, parent);
                break;
            case ErrorOutput err:
                Publish("error", new JsonObject
                {
                    ["ename"] = err.Name,
                    ["evalue"] = err.Value,
                    ["traceback"] = new JsonArray(err.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                }, parent);
                break;
            case DisplayDataOutput d:
                if (!_plotlySent && d.Data.TryGetValue("text/html", out var html) && PlotlyLoader.Needs(html))
                {
                    _plotlySent = true;
                    Publish("display_data", new JsonObject
                    {
                        ["data"] = new JsonObject { ["text/html"] = PlotlyLoader.Html },
                        ["metadata"] = new JsonObject(),
                        ["transient"] = new JsonObject(),
                    }, parent);
                }
                var content = new JsonObject
                {
                    ["data"] = new JsonObject(d.Data.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))),
                    ["metadata"] = d.Metadata?.DeepClone() ?? new JsonObject(),
                };
                if (e.IsResult && !e.IsUpdate)
                {
                    content["execution_count"] = count;
                    Publish("execute_result", content, parent);
                    break;
                }
                content["transient"] = d.DisplayId is { } id ? new JsonObject { ["display_id"] = id } : new JsonObject();
                Publish(e.IsUpdate ? "update_display_data" : "display_data", content, parent);
                break;
        }
    }

    private void Reply(RouterSocket socket, JupyterMessage request, string type, JsonObject content)
    {
        var message = new JupyterMessage
        {
            Identities = request.Identities,
            Header = JupyterMessage.NewHeader(type, _session),
            ParentHeader = request.Header,
            Content = content,
        };
        socket.SendMultipartBytes(WireFormat.Encode(message, _signer));
    }

    private void Publish(string type, JsonObject content, JsonObject parent)
    {
        var message = new JupyterMessage
        {
            Identities = [System.Text.Encoding.UTF8.GetBytes($"kernel.{_session}.{type}")],
            Header = JupyterMessage.NewHeader(type, _session),
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
        foreach (var s in new NetMQSocket?[] { _shell, _control, _stdin, _heartbeat, _iopub }) s?.Dispose();
        _shell = _control = _stdin = _heartbeat = null;
        _iopub = null;
    }
}
