using System.Text.Json.Nodes;

namespace CourseKit.Kernel.Tests;

/// <summary>Debian's jupyter_client drives the kernel as a front end would (scripts/drive_kernel.py prints what it saw).</summary>
public class JupyterClientTests
{
    private static readonly Lazy<JsonObject> _seen = new(() =>
    {
        var root = Tools.TempFolder();
        var work = Path.Combine(root, "work");
        Directory.CreateDirectory(work);
        var env = Tools.JupyterEnvironment(root, "coursekit-test");
        var script = Path.Combine(AppContext.BaseDirectory, "scripts", "drive_kernel.py");
        var (exit, stdout, stderr) = Tools.Run(Tools.Python, [script, "coursekit-test", work, Tools.RepositoryRoot], env);
        Assert.True(exit == 0, $"drive_kernel.py failed ({exit}): {stderr}");
        var json = Tools.Json(stdout.Trim().Split('\n')[^1]);
        json["kernel_stderr"] = stderr;
        return json;
    });

    private static JsonObject Seen => _seen.Value;

    private static JsonObject[] IoPub(string step, string type) =>
        Seen[step]!["iopub"]!.AsArray().Where(m => (string)m!["type"]! == type).Select(m => m!["content"]!.AsObject()).ToArray();

    [Fact]
    public void Kernel_info_names_the_protocol_and_the_language()
    {
        var info = Seen["kernel_info"]!;
        Assert.Equal("5.3", (string)info["protocol_version"]!);
        Assert.Equal("C#", (string)info["language_info"]!["name"]!);
        Assert.Equal(".cs", (string)info["language_info"]!["file_extension"]!);
    }

    [Fact]
    public void A_cell_reports_busy_input_outputs_and_idle_in_order()
    {
        var types = Seen["stream"]!["iopub"]!.AsArray().Select(m => (string)m!["type"]!).ToArray();
        Assert.Equal(["status", "execute_input", "stream", "stream", "status"], types);
        var streams = IoPub("stream", "stream");
        Assert.Equal(("stdout", "hello\n"), ((string)streams[0]["name"]!, (string)streams[0]["text"]!));
        Assert.Equal(("stderr", "oops"), ((string)streams[1]["name"]!, (string)streams[1]["text"]!));
        Assert.Equal(1, (int)Seen["stream"]!["reply"]!["execution_count"]!);
    }

    [Fact]
    public void A_trailing_value_is_an_execute_result_with_the_count()
    {
        var result = Assert.Single(IoPub("result", "execute_result"));
        Assert.Equal(2, (int)result["execution_count"]!);
        Assert.Contains("<pre>3</pre>", (string)result["data"]!["text/html"]!);
    }

    [Fact]
    public void Display_and_display_updates_are_sent_with_their_display_id()
    {
        var shown = IoPub("display", "display_data");
        Assert.Equal("text", (string)shown[0]["data"]!["text/plain"]!);
        Assert.Equal("<b>bold</b>", (string)shown[1]["data"]!["text/html"]!);
        var first = Assert.Single(IoPub("update", "display_data"));
        var update = Assert.Single(IoPub("update", "update_display_data"));
        Assert.Equal("second", (string)update["data"]!["text/plain"]!);
        Assert.Equal((string)first["transient"]!["display_id"]!, (string)update["transient"]!["display_id"]!);
    }

    [Fact]
    public void A_live_training_chart_is_shown_once_then_updated_in_place_ending_with_the_whole_run()
    {
        // the session's first chart also brings a display of the plotly.js loader
        var shown = Assert.Single(IoPub("live", "display_data"), d => ((string)d["data"]!["text/html"]!).Contains("renderPlotly"));
        var updates = IoPub("live", "update_display_data");
        Assert.Equal(4, updates.Length); // five epochs: one display, four redraws
        var id = (string)shown["transient"]!["display_id"]!;
        Assert.All(updates, u => Assert.Equal(id, (string)u["transient"]!["display_id"]!));
        Assert.All(updates, u => Assert.Contains("Plotly.newPlot", (string)u["data"]!["text/html"]!));
        // the last redraw holds the last epoch's loss, exactly as the trainer recorded it
        var lastLoss = ((string)IoPub("live", "stream").Single()["text"]!).Trim();
        Assert.Contains(lastLoss, (string)updates[^1]["data"]!["text/html"]!);
        Assert.DoesNotContain(lastLoss, (string)shown["data"]!["text/html"]!);
    }

    [Fact]
    public void A_silent_cell_runs_without_outputs_or_a_new_count()
    {
        var types = Seen["silent"]!["iopub"]!.AsArray().Select(m => (string)m!["type"]!).ToArray();
        Assert.Equal(["status", "status"], types);
        Assert.Equal(4, (int)Seen["silent"]!["reply"]!["execution_count"]!);
        Assert.Equal(5, (int)Seen["after_silent"]!["reply"]!["execution_count"]!);
        Assert.Contains("<pre>10</pre>", (string)IoPub("after_silent", "execute_result")[0]["data"]!["text/html"]!);
    }

    [Fact]
    public void Compile_and_runtime_errors_are_error_replies_and_error_outputs()
    {
        var compile = Seen["compile_error"]!["reply"]!;
        Assert.Equal("error", (string)compile["status"]!);
        Assert.Equal("(1,9): error CS0029: Cannot implicitly convert type 'string' to 'int'", (string)compile["evalue"]!);
        Assert.Single(IoPub("compile_error", "error"));
        var runtime = Seen["runtime_error"]!["reply"]!;
        Assert.Equal("System.InvalidOperationException: boom", (string)runtime["evalue"]!);
        Assert.Contains("   at cell 7, line 1", runtime["traceback"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public void Is_complete_tells_an_open_block_from_a_finished_expression()
    {
        Assert.Equal("incomplete", (string)Seen["is_complete_open"]!["status"]!);
        Assert.Equal("complete", (string)Seen["is_complete_done"]!["status"]!);
    }

    [Fact]
    public void Completion_and_inspection_use_the_session_state()
    {
        Assert.Contains("Count", Seen["complete"]!["matches"]!.AsArray().Select(m => (string)m!));
        Assert.True((bool)Seen["inspect"]!["found"]!);
        Assert.Contains("Math.Sqrt(double d)", (string)Seen["inspect"]!["data"]!["text/plain"]!);
        Assert.Equal("ok", (string)Seen["comm_info"]!["status"]!);
    }

    [Fact]
    public void Interrupt_stops_an_endless_loop_and_the_session_goes_on()
    {
        var reply = Seen["interrupted"]!;
        Assert.Equal("error", (string)reply["status"]!);
        Assert.Equal("System.OperationCanceledException: cell 10 was cancelled", (string)reply["evalue"]!);
        Assert.Contains("<pre>42</pre>", (string)IoPub("after_interrupt", "execute_result")[0]["data"]!["text/html"]!);
    }

    [Fact]
    public void Forged_and_unsigned_messages_are_dropped_logged_and_the_kernel_keeps_serving()
    {
        Assert.False((bool)Seen["forged"]!["replied"]!);
        Assert.False((bool)Seen["forged"]!["executed"]!);
        Assert.Contains("dropped a shell message: invalid signature", (string)Seen["kernel_stderr"]!);
        Assert.Contains("dropped a shell message: missing signature", (string)Seen["kernel_stderr"]!);
        Assert.Equal("still serving", (string)IoPub("after_forged", "execute_result")[0]["data"]!["text/plain"]!);
    }

    [Fact]
    public void Restart_gives_a_fresh_session_and_shutdown_ends_the_process_cleanly()
    {
        Assert.Equal("(1,1): error CS0103: The name 'before' does not exist in the current context", (string)Seen["after_restart"]!["reply"]!["evalue"]!);
        Assert.Equal(1, (int)Seen["after_restart"]!["reply"]!["execution_count"]!);
        Assert.Equal(2, (int)Seen["after_restart_count"]!);
        Assert.Equal(0, (int)Seen["shutdown_exit_code"]!);
    }

    [Fact]
    public void A_cell_loading_a_missing_project_output_builds_it_once_and_says_so()
    {
        var streams = IoPub("project_build", "stream");
        Assert.Equal("ok", (string)Seen["project_build"]!["reply"]!["status"]!);
        Assert.Contains(streams, s => (string)s["name"]! == "stderr"
            && ((string)s["text"]!).Contains("building tiny (dotnet build tiny -c Release): Tiny.dll is missing", StringComparison.Ordinal));
        Assert.Contains(streams, s => (string)s["name"]! == "stdout" && (string)s["text"]! == "built by the kernel\n");
    }
}
