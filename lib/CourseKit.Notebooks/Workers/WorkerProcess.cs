using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks.Workers;

/// <summary>
/// The engine in a child process (<c>CourseKit.Worker</c>), driven over its standard input and output by
/// a <see cref="WorkerChannel"/>. Whatever its cells do — exit, crash, overflow the stack, run away, leave
/// threads or processes behind — ends at most this process: <see cref="DisposeAsync"/> kills it with its
/// whole process group, and <see cref="DescribeExit"/> says how it ended.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private const int StderrLines = 200;
    private const int StderrHeadLines = 20;

    private readonly Process _process;
    private readonly string? _sandbox;
    private readonly Queue<string> _stderr = new();
    private readonly List<string> _stderrHead = new(); // the runtime's last words come first, before any stack frames
    private readonly ManualResetEventSlim _stderrClosed = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _disposeGate = new();
    private Task? _disposal;
    private int _exitCode;
    private int _killed;

    private WorkerProcess(Process process, string? sandbox)
    {
        _process = process;
        _sandbox = sandbox;
        Id = process.Id;
        Channel = new WorkerChannel(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
        process.Exited += (_, _) => OnExited();
        // standard error is read on a thread of its own (not the thread pool, which a front end may fill)
        new Thread(() =>
        {
            while (process.StandardError.ReadLine() is { } line)
            {
                lock (_stderr)
                {
                    if (_stderrHead.Count < StderrHeadLines) _stderrHead.Add(line);
                    _stderr.Enqueue(line);
                    if (_stderr.Count > StderrLines) _stderr.Dequeue();
                }
            }
            _stderrClosed.Set();
        }) { IsBackground = true, Name = $"coursekit worker {process.Id} stderr" }.Start();
        if (process.HasExited) OnExited();
    }

    private void OnExited()
    {
        if (_exited.Task.IsCompleted) return;
        try
        {
            _stderrClosed.Wait(TimeSpan.FromSeconds(1)); // lets the stderr reader take the last lines (a child left behind may hold the pipe open)
            _exitCode = _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            // disposed meanwhile
        }
        _exited.TrySetResult();
    }

    /// <summary>The pipe to the worker.</summary>
    public WorkerChannel Channel { get; }

    /// <summary>The worker's process id.</summary>
    public int Id { get; }

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited => _exited.Task;

    /// <summary>Whether the front end ended the process (rather than the process ending by itself).</summary>
    public bool WasKilled => Volatile.Read(ref _killed) != 0;

    /// <summary>Starts a worker.</summary>
    /// <exception cref="WorkerException">The worker program is missing or cannot be started.</exception>
    public static WorkerProcess Start(WorkerProcessOptions? options = null)
    {
        options ??= new WorkerProcessOptions();
        var (file, arguments) = Command();
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        string? sandbox = null;
        if (options.Sandbox)
        {
            sandbox = Directory.CreateTempSubdirectory("coursekit-sandbox-").FullName;
            start.WorkingDirectory = sandbox;
            // keep the user's NuGet packages: the notebook's own #r lines restore from them, not from the network
            start.Environment["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
                ? packages
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            start.Environment["HOME"] = sandbox;
            start.Environment["TMPDIR"] = sandbox;
        }
        if (options.MemoryLimitMegabytes is { } megabytes)
            start.Environment["DOTNET_GCHeapHardLimit"] = ((long)megabytes << 20).ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        Process process;
        try
        {
            process = new Process { StartInfo = start, EnableRaisingEvents = true };
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            throw new WorkerException($"cannot start the worker {file}: {e.Message}", e);
        }
        return new WorkerProcess(process, sandbox);
    }

    /// <summary>
    /// The program and arguments that start a worker: the precompiled (ReadyToRun) worker in <c>worker/</c> next to
    /// this assembly when it is the same build as this front end, else the CourseKit.Worker apphost next to this
    /// assembly, else its DLL under the running dotnet host.
    /// </summary>
    public static (string File, IReadOnlyList<string> Arguments) Command() =>
        Command(Path.GetDirectoryName(typeof(WorkerProcess).Assembly.Location) is { Length: > 0 } f ? f : AppContext.BaseDirectory);

    /// <summary>The command that starts a worker carried in <paramref name="folder"/> (see <see cref="Command()"/>).</summary>
    public static (string File, IReadOnlyList<string> Arguments) Command(string folder)
    {
        var apphostName = OperatingSystem.IsWindows() ? "CourseKit.Worker.exe" : "CourseKit.Worker";
        var ready = Path.Combine(folder, "worker");
        if (File.Exists(Path.Combine(ready, apphostName)) && IsThisBuild(Path.Combine(ready, Path.GetFileName(typeof(WorkerProcess).Assembly.Location))))
            return (Path.Combine(ready, apphostName), []);
        var dll = Path.Combine(folder, "CourseKit.Worker.dll");
        if (!File.Exists(dll))
            throw new WorkerException($"the worker program CourseKit.Worker.dll is missing from {folder}; build lib/CourseKit.Cli, which carries it");
        var apphost = Path.Combine(folder, apphostName);
        if (File.Exists(apphost)) return (apphost, []);
        return (DotnetHost(), ["exec", dll]);
    }

    /// <summary>Whether an engine assembly (a ReadyToRun image keeps its metadata) comes from the same compilation as the running one.</summary>
    private static bool IsThisBuild(string engine)
    {
        try
        {
            using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(engine));
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            return metadata.GetGuid(metadata.GetModuleDefinition().Mvid) == typeof(WorkerProcess).Module.ModuleVersionId;
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == name) return self;
        // the shared framework lives at <root>/shared/Microsoft.NETCore.App/<version>/; the host at <root>/dotnet
        var runtime = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var host = Path.Combine(root, name);
        return File.Exists(host) ? host : name;
    }

    /// <summary>Sends a message; false when the worker has gone.</summary>
    public bool TrySend(JsonObject message)
    {
        try
        {
            Channel.Send(message);
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>How the process ended, for a person, placed in <paramref name="where"/>: "exited with code 134 (SIGABRT) in cell 2: Stack overflow.".</summary>
    public string DescribeExit(string where)
    {
        if (!_exited.Task.IsCompleted) return $"is still running {where}";
        var code = _exitCode;
        var signal = code > 128 && !OperatingSystem.IsWindows() ? SignalName(code - 128) : null;
        var how = WasKilled ? "was ended by the front end" : $"exited with code {code}{(signal is null ? "" : $" ({signal})")}";
        return FirstStderrLine() is { } line ? $"{how} {where}: {line}" : $"{how} {where}";
    }

    /// <summary>The worker's standard error so far (its last lines).</summary>
    public IReadOnlyList<string> Stderr
    {
        get
        {
            lock (_stderr) return _stderr.ToArray();
        }
    }

    /// <summary>What the runtime said as it ended the process ("Stack overflow.", "Process terminated. gave up"), without stack frames.</summary>
    private string? FirstStderrLine()
    {
        string[] lines;
        lock (_stderr)
            lines = _stderrHead.Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith("at ", StringComparison.Ordinal) && !l.StartsWith("Repeat ", StringComparison.Ordinal)
                    && !l.StartsWith("---", StringComparison.Ordinal))
                .Take(2).ToArray();
        if (lines.Length == 0) return null;
        return lines[0] == "Process terminated." && lines.Length > 1 ? $"{lines[0]} {lines[1]}" : lines[0];
    }

    private static string? SignalName(int signal) => signal switch
    {
        1 => "SIGHUP", 2 => "SIGINT", 4 => "SIGILL", 6 => "SIGABRT", 7 => "SIGBUS", 8 => "SIGFPE",
        9 => "SIGKILL", 11 => "SIGSEGV", 13 => "SIGPIPE", 15 => "SIGTERM", _ => $"signal {signal}",
    };

    /// <summary>Ends the process with every process in its group, and waits for it (safe to call more than once).</summary>
    public ValueTask DisposeAsync()
    {
        lock (_disposeGate) _disposal ??= DisposeCoreAsync();
        return new ValueTask(_disposal);
    }

    private async Task DisposeCoreAsync()
    {
        if (!_exited.Task.IsCompleted)
        {
            Interlocked.Exchange(ref _killed, 1);
            ProcessGroup.KillAll(Id);
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it exited meanwhile
            }
        }
        else
        {
            ProcessGroup.KillAll(Id); // what its cells left behind in its group
        }
        await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _process.Dispose();
        if (_sandbox is not null) DeleteSandbox(_sandbox);
    }

    private static void DeleteSandbox(string folder)
    {
        try
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
                if (entry.Attributes.HasFlag(FileAttributes.ReadOnly)) entry.Attributes &= ~FileAttributes.ReadOnly;
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a file still held open by a process that escaped its group: leave the temp folder to the system
        }
    }
}
