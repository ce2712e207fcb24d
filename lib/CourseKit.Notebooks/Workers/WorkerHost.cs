using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Workers;

/// <summary>
/// The worker's side of the pipe (the whole of the <c>CourseKit.Worker</c> program): one
/// <see cref="ExecutionSession"/> driven by the front end's messages. The pipe is the process's standard
/// input and output; cells see an empty standard input and their stray console output goes to standard
/// error, so nothing a cell does with the console reaches the pipe. The worker leads its own process
/// group, so the front end can end it with everything its cells started.
/// </summary>
public static class WorkerHost
{
    /// <summary>Answers a <c>request</c> (completion, inspection) from the session's state: kind and content in, reply content out.</summary>
    public delegate JsonObject RequestHandler(ExecutionSession session, string kind, JsonObject content);

    /// <summary>Serves the front end until it closes the pipe or says <c>exit</c>; returns the process's exit code.</summary>
    public static async Task<int> RunAsync(RequestHandler? requests = null)
    {
        ProcessGroup.BecomeLeader();
        // the pipe and stray output use the file descriptors directly: on Unix the console's own streams lock
        // Console.Out on every write, and a cell's Console.WriteLine holds that lock while it hands its text to
        // LiveOutputs, whose flush writes the pipe: through the console stream, each would wait for the other
        var channel = new WorkerChannel(StandardStream(0, FileAccess.Read), StandardStream(1, FileAccess.Write));
        Console.SetIn(TextReader.Null);
        Console.SetOut(new StreamWriter(StandardStream(2, FileAccess.Write)) { AutoFlush = true });
        Console.SetError(new StreamWriter(StandardStream(2, FileAccess.Write)) { AutoFlush = true });
        // Ctrl-C in a terminal reaches the whole foreground group: the front end decides what stops
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true);
        // the session compiles its hidden first submission while the front end decides what to run
        var warm = Task.Run(async () =>
        {
            var session = new ExecutionSession(new ExecutionOptions { SetCurrentDirectory = false, WorkingDirectory = Path.GetTempPath() });
            await session.WarmUpAsync().ConfigureAwait(false);
            return session;
        });
        // the pipe is read on a thread of its own: a cell that fills the thread pool cannot stall it
        var server = new Server(channel, requests);
        var exit = 0;
        var serving = new Thread(() => exit = server.Serve(warm)) { Name = "coursekit worker pipe" };
        serving.Start();
        serving.Join();
        return exit;
    }

    /// <summary>Standard input, output or error as an unbuffered stream on its file descriptor, outside the console's locks.</summary>
    private static Stream StandardStream(int descriptor, FileAccess access)
    {
        if (OperatingSystem.IsWindows())
            return descriptor switch { 0 => Console.OpenStandardInput(), 1 => Console.OpenStandardOutput(), _ => Console.OpenStandardError() };
        return new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(descriptor, ownsHandle: false), access, bufferSize: 0);
    }

    [SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "One server lives as long as the worker process; disposing its timer at exit would race a cell still writing.")]
    private sealed class Server(WorkerChannel channel, RequestHandler? requests)
    {
        private ExecutionSession? _session;
        private LiveOutputs? _live;
        private CancellationTokenSource? _running;
        private Task _cell = Task.CompletedTask;

        /// <summary>The pipe's loop; synchronous, so that it stays on its own thread (an await would move it to the pool).</summary>
        public int Serve(Task<ExecutionSession> warm)
        {
            while (true)
            {
                JsonObject? message;
                try
                {
                    message = channel.Receive();
                }
                catch (Exception e) when (e is InvalidDataException or IOException)
                {
                    Console.Error.WriteLine($"coursekit worker: {e.Message}");
                    return 3;
                }
                if (message is null) return 0; // the front end has gone
                switch (WorkerProtocol.TypeOf(message))
                {
                    case "start":
                        _session = warm.GetAwaiter().GetResult();
                        _session.Configure(WorkerProtocol.ReadStart(message));
                        _live = new LiveOutputs(Send);
                        _session.OutputProduced += (_, e) => _live.Add(e);
                        AppDomain.CurrentDomain.ProcessExit += (_, _) => _live.Flush(); // a cell that calls Environment.Exit keeps what it wrote
                        Send(WorkerProtocol.Started());
                        break;
                    case "execute":
                        _cell.GetAwaiter().GetResult(); // the front end sends one cell at a time
                        _running = new CancellationTokenSource();
                        _cell = ExecuteAsync(message, _running.Token);
                        break;
                    case "interrupt":
                        _running?.Cancel();
                        break;
                    case "request":
                        var id = (long?)message["id"] ?? 0;
                        var content = _session is null || requests is null
                            ? new JsonObject { ["status"] = "error", ["evalue"] = "no session" }
                            : requests(_session, (string?)message["kind"] ?? "", message["content"] as JsonObject ?? new JsonObject());
                        Send(WorkerProtocol.Reply(id, content));
                        break;
                    case "exit":
                        return 0;
                }
            }
        }

        private async Task ExecuteAsync(JsonObject message, CancellationToken cancellationToken)
        {
            var id = (long?)message["id"] ?? 0;
            try
            {
                var session = _session ?? throw new InvalidDataException("execute before start");
                var result = await session.ExecuteAsync((string?)message["code"] ?? "", (string?)message["label"],
                    WorkerProtocol.ReadPolicy(message), cancellationToken).ConfigureAwait(false);
                _live!.Flush();
                Send(WorkerProtocol.Executed(id, result, session.BrokenBecause));
            }
            catch (Exception e)
            {
                // the engine itself failed: say so rather than leave the front end waiting for the cell's end
                await Console.Error.WriteLineAsync($"coursekit worker: the engine failed: {e}").ConfigureAwait(false);
                Send(WorkerProtocol.Executed(id, new CellExecutionResult(CellStatus.RuntimeError, [], TimeSpan.Zero, 0),
                    $"the worker's engine failed ({e.GetType().Name}: {e.Message})"));
            }
        }

        private void Send(JsonObject message)
        {
            try
            {
                channel.Send(message);
            }
            catch (IOException)
            {
                Environment.Exit(0); // the front end has gone: nobody is left to report to
            }
        }
    }
}
