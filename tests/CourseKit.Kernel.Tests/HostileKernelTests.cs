using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CourseKit.Kernel.Tests;

/// <summary>
/// Cells that exit, wedge or flood, and malformed messages, against the kernel through Debian's
/// jupyter_client (scripts/hostile_kernel.py): the kernel stays up, replies to everything, restarts its
/// worker and says so; and it ends with the Jupyter process that started it (scripts/orphan_kernel.py).
/// </summary>
public class HostileKernelTests
{
    private static readonly Lazy<JsonObject> _seen = new(() =>
    {
        var root = Tools.TempFolder();
        var work = Path.Combine(root, "work");
        Directory.CreateDirectory(work);
        var env = Tools.JupyterEnvironment(root, "coursekit-hostile");
        var script = Path.Combine(AppContext.BaseDirectory, "scripts", "hostile_kernel.py");
        var (exit, stdout, stderr) = Tools.Run(Tools.Python, [script, "coursekit-hostile", work], env);
        Assert.True(exit == 0, $"hostile_kernel.py failed ({exit}): {stderr}");
        return Tools.Json(stdout.Trim().Split('\n')[^1]);
    });

    private static JsonObject Seen => _seen.Value;

    private static string Text(string step) => string.Concat(Seen[step]!["iopub"]!.AsArray()
        .Where(m => (string)m!["type"]! is "stream" or "error")
        .Select(m => (string?)m!["content"]!["text"] ?? (string?)m!["content"]!["evalue"]));

    [Fact]
    public void A_cell_that_exits_fails_with_the_exit_code_and_the_next_cell_runs_in_a_fresh_session()
    {
        Assert.Equal("error", (string)Seen["exit"]!["reply"]!["status"]!);
        Assert.Contains("the worker process exited with code 3 in cell 2", (string)Seen["exit"]!["reply"]!["evalue"]!);
        Assert.Contains("bye", Text("exit"));
        Assert.Equal("error", (string)Seen["after_exit"]!["reply"]!["status"]!); // `kept` went with the old session
        Assert.Contains("CS0103", (string)Seen["after_exit"]!["reply"]!["evalue"]!);
        Assert.Equal("ok", (string)Seen["fresh"]!["reply"]!["status"]!);
    }

    [Fact]
    public void Interrupting_a_cell_that_cannot_stop_restarts_the_session_and_says_so_in_that_cell()
    {
        Assert.True(Seen["interrupt"]!["idle"]!.GetValue<bool>());
        Assert.Equal("error", (string)Seen["interrupt"]!["reply"]!["status"]!);
        Assert.Contains("was cancelled", Text("interrupt"));
        Assert.Contains("the next cell starts a fresh session", Text("interrupt"));
        Assert.True(Seen["interrupt_seconds"]!.GetValue<double>() < 30, $"interrupt took {Seen["interrupt_seconds"]} s");
        Assert.Contains("CS0103", (string)Seen["after_interrupt"]!["reply"]!["evalue"]!);
    }

    [Fact]
    public void A_flood_of_writes_arrives_whole_in_a_bounded_number_of_messages_and_ends_with_idle()
    {
        var flood = Seen["flood"]!;
        Assert.True(flood["idle"]!.GetValue<bool>(), "the client never saw idle");
        var streams = flood["iopub"]!.AsArray().Where(m => (string)m!["type"]! == "stream").ToArray();
        Assert.True(streams.Length < 500, $"{streams.Length} stream messages for 20 000 lines");
        var text = string.Concat(streams.Select(m => (string)m!["content"]!["text"]!));
        Assert.Equal(string.Concat(Enumerable.Range(0, 20000).Select(i => $"{i}\n")), text);
    }

    [Fact]
    public void Malformed_requests_get_error_replies_and_the_kernel_keeps_serving()
    {
        Assert.Null(Seen["bad_type_reply"]); // a msg_type that is not a string cannot be answered: dropped
        Assert.Equal("still serving", (string)Seen["after_bad_type"]!["iopub"]!.AsArray()
            .Single(m => (string)m!["type"]! == "execute_result")!["content"]!["data"]!["text/plain"]!);
        foreach (var (step, field) in new[] { ("bad_code", "code"), ("bad_silent", "silent"), ("bad_cursor", "cursor_pos") })
        {
            var reply = Seen[step];
            Assert.True(reply is not null, $"no reply to the request with a wrong-typed '{field}'");
            Assert.Equal("error", (string)reply!["status"]!);
            Assert.Contains($"'{field}'", (string)reply["evalue"]!);
        }
        Assert.Equal("ok", (string)Seen["after_bad_fields"]!["reply"]!["status"]!);
    }

    [Fact]
    public async Task The_kernel_ends_with_the_Jupyter_process_that_started_it()
    {
        var root = Tools.TempFolder();
        var work = Path.Combine(root, "work");
        Directory.CreateDirectory(work);
        var env = Tools.JupyterEnvironment(root, "coursekit-orphan");
        var start = new ProcessStartInfo(Tools.Python, [Path.Combine(AppContext.BaseDirectory, "scripts", "orphan_kernel.py"), "coursekit-orphan", work])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (k, v) in env) start.Environment[k] = v;
        using var parent = Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        parent.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        parent.BeginErrorReadLine(); // drained, so that nobody blocks on a full pipe
        var line = await parent.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(line is not null, $"orphan_kernel.py printed nothing: {log}");
        var started = Tools.Json(line!);
        var kernel = (int)started["pid"]!;
        var port = (int)started["shell_port"]!;
        Assert.NotEmpty(Listeners(port)); // the kernel listens there now, so the check at the end can fail
        parent.Kill(); // SIGKILL: the parent cannot shut its kernel down
        parent.WaitForExit(10_000); // (the kernel holds the parent's pipes until it ends)

        var gone = false;
        for (var i = 0; i < 100 && !gone; i++)
        {
            await Task.Delay(100);
            gone = !Directory.Exists($"/proc/{kernel}") || File.ReadAllText($"/proc/{kernel}/stat").Contains(") Z", StringComparison.Ordinal);
        }
        Assert.True(gone, $"kernel {kernel} still runs 10 s after its parent was killed");
        // nothing listens on the shell port any more. Read from the kernel's socket tables rather than by binding the
        // port: a bind also fails on a connection the kernel closed that waits out TIME_WAIT there (CI saw that twice)
        Assert.Empty(Listeners(port));
    }

    /// <summary>The lines of /proc/net/tcp and tcp6 of sockets in the LISTEN state (0A) on <paramref name="port"/>.</summary>
    private static List<string> Listeners(int port)
    {
        var hexPort = ":" + port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        string[] tables = ["/proc/net/tcp", "/proc/net/tcp6"];
        return tables
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 3 && f[1].EndsWith(hexPort, StringComparison.Ordinal) && f[3] == "0A")
            .Select(f => string.Join(' ', f.Take(4)))
            .ToList();
    }
}
