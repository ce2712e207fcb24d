using CourseKit.Notebooks.Documents;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Tests;

public class ExecutionTests
{
    private static DisplayDataOutput Display(CellOutput o) => Assert.IsType<DisplayDataOutput>(o);

    [Fact]
    public async Task State_carries_across_cells_and_the_trailing_expression_is_displayed_as_html()
    {
        var r = await TestNotebooks.RunAsync("state.ipynb");
        Assert.Equal(NotebookRunStatus.Succeeded, r.Status);
        Assert.Empty(r.Outputs(2));
        var value = Display(Assert.Single(r.Outputs(4)));
        Assert.Equal(["text/html"], value.Data.Keys);
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>42</pre></div>", value.Data["text/html"]);
        Assert.Equal([1, 2, 3], r.Executed!.Cells.Skip(1).Select(c => c.ExecutionCount ?? -1));
    }

    [Fact]
    public async Task Framework_references_are_resolved_once_and_every_cell_still_sees_the_framework()
    {
        // Roslyn re-reads a by-name reference's metadata for every submission; the session resolves them up front
        var session = new ExecutionSession();
        foreach (var code in new[] { "var q = new System.Collections.Concurrent.ConcurrentQueue<int>();",
                     "System.Text.RegularExpressions.Regex.IsMatch(\"ab\", \"b\") && Enumerable.Range(0, 3).Sum() == 3" })
            Assert.Equal(CellStatus.Succeeded, (await session.ExecuteAsync(code)).Status);
        var references = session.State!.Script.Options.MetadataReferences;
        Assert.Contains(references, r => r.Display?.EndsWith("System.Runtime.dll", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(references, r => r is Microsoft.CodeAnalysis.UnresolvedMetadataReference);
    }

    [Fact]
    public async Task Records_classes_and_top_level_extension_methods_work_in_cells()
    {
        var r = await TestNotebooks.RunAsync("declarations.ipynb");
        Assert.Equal(NotebookRunStatus.Succeeded, r.Status);
        var stream = Assert.IsType<StreamOutput>(Assert.Single(r.Outputs(3)));
        Assert.Equal(("stdout", "2 5\n"), (stream.Name, stream.Text));
    }

    [Fact]
    public async Task A_variable_can_be_redeclared_with_another_type()
    {
        var r = await TestNotebooks.RunAsync("redefine.ipynb");
        Assert.Equal(NotebookRunStatus.Succeeded, r.Status);
        Assert.Contains("<pre>12</pre>", Display(Assert.Single(r.Outputs(3))).Data["text/html"]);
    }

    [Fact]
    public async Task A_trailing_string_is_text_plain_other_values_html_and_statements_or_void_calls_show_nothing_extra()
    {
        var r = await TestNotebooks.RunAsync("trailing.ipynb");
        Assert.Equal(NotebookRunStatus.Succeeded, r.Status);
        var s = Display(Assert.Single(r.Outputs(1)));
        Assert.Equal("hello", s.Data["text/plain"]);
        Assert.Equal(["text/plain"], s.Data.Keys);
        Assert.Contains("<pre>2</pre>", Display(Assert.Single(r.Outputs(2))).Data["text/html"]);
        Assert.Empty(r.Outputs(3));
        Assert.Equal("no value\n", Assert.IsType<StreamOutput>(Assert.Single(r.Outputs(4))).Text);
    }

    [Fact]
    public async Task Display_shows_text_html_and_objects_and_an_update_replaces_the_shown_value()
    {
        var r = await TestNotebooks.RunAsync("display.ipynb");
        Assert.Equal(NotebookRunStatus.Succeeded, r.Status);
        var outputs = r.Outputs(1).Select(Display).ToArray();
        Assert.Equal(3, outputs.Length);
        Assert.Equal("plain text", outputs[0].Data["text/plain"]);
        Assert.Equal("<b>bold</b>", outputs[1].Data["text/html"]);
        Assert.Contains("<pre>[ 1, 2, 3 ]</pre>", outputs[2].Data["text/html"]);
        Assert.Equal("second", Display(Assert.Single(r.Outputs(2))).Data["text/plain"]);
    }

    [Fact]
    public async Task Stdout_is_merged_and_kept_in_order_with_displays_and_stderr_is_its_own_stream()
    {
        var r = await TestNotebooks.RunAsync("stdout.ipynb");
        var o = r.Outputs(1);
        Assert.Equal(4, o.Count);
        Assert.Equal(new StreamOutput("stdout", "ab\n"), o[0]);
        Assert.Equal("between", Display(o[1]).Data["text/plain"]);
        Assert.Equal(new StreamOutput("stdout", "c\n"), o[2]);
        Assert.Equal(new StreamOutput("stderr", "err\n"), o[3]);
    }

    [Fact]
    public async Task Await_works_at_the_top_level_of_a_cell()
    {
        var r = await TestNotebooks.RunAsync("async.ipynb");
        Assert.Equal(NotebookRunStatus.Succeeded, r.Status);
        Assert.Contains("<pre>42</pre>", Display(Assert.Single(r.Outputs(2))).Data["text/html"]);
    }

    [Fact]
    public async Task A_compile_error_gives_cell_relative_diagnostics_and_stops_the_run()
    {
        var r = await TestNotebooks.RunAsync("compile-error.ipynb");
        Assert.Equal(NotebookRunStatus.Failed, r.Status);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs(2)));
        Assert.Equal("(2,9): error CS0103: The name 'undefinedName' does not exist in the current context", error.Value);
        Assert.Contains("cell 2, line 2: error CS0103", error.Traceback[0]);
        Assert.StartsWith("cell 2: (2,9): error CS0103", r.FirstError);
        Assert.Empty(r.Outputs(3));
        Assert.Null(r.Executed!.Cells[2].ExecutionCount);
        Assert.Equal(2, r.ExecutedCells);
    }

    [Fact]
    public async Task A_runtime_error_names_type_message_cell_and_line_and_keeps_earlier_output()
    {
        var r = await TestNotebooks.RunAsync("runtime-error.ipynb");
        Assert.Equal(NotebookRunStatus.Failed, r.Status);
        var o = r.Outputs(2);
        Assert.Equal("before\n", Assert.IsType<StreamOutput>(o[0]).Text);
        var error = Assert.IsType<ErrorOutput>(o[1]);
        Assert.Equal("Error", error.Name);
        Assert.Equal("System.InvalidOperationException: boom", error.Value);
        Assert.Contains("   at cell 1, line 1", error.Traceback);
        Assert.Contains("   at cell 2, line 2", error.Traceback);
        Assert.Empty(r.Outputs(3));
    }

    [Fact]
    public async Task Keep_going_runs_the_cells_after_a_failure()
    {
        var r = await TestNotebooks.RunAsync("runtime-error.ipynb", keepGoing: true);
        Assert.Equal(NotebookRunStatus.Failed, r.Status);
        Assert.Equal(3, r.ExecutedCells);
        Assert.Equal(3, r.Executed!.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task A_cell_tagged_raises_exception_may_fail_and_the_run_goes_on()
    {
        var r = await TestNotebooks.RunAsync("raises-exception.ipynb");
        Assert.Equal(NotebookRunStatus.Succeeded, r.Status);
        Assert.Equal("System.ArgumentException: expected failure", Assert.IsType<ErrorOutput>(Assert.Single(r.Outputs(1))).Value);
        Assert.Contains("<pre>1</pre>", Display(Assert.Single(r.Outputs(2))).Data["text/html"]);
    }

    [Fact]
    public async Task A_cell_over_its_time_limit_fails_with_a_timeout_and_the_run_stops()
    {
        // long enough for a fresh worker to compile the cell (the limit covers compilation), far shorter than the sleep
        var r = await TestNotebooks.RunAsync("timeout.ipynb", timeout: TimeSpan.FromSeconds(5), keepGoing: true);
        Assert.Equal(NotebookRunStatus.Failed, r.Status);
        Assert.Equal(CellStatus.TimedOut, r.Cells[1].Status);
        Assert.Equal("System.TimeoutException: cell 1 exceeded its time limit of 5 s", r.Cells[1].Error!.Value);
        Assert.Equal(1, r.ExecutedCells); // a cell that does not stop ends its worker: nothing can run after it, even with keep-going
    }

    [Fact]
    public async Task A_cell_in_another_kernel_language_is_reported_by_number()
    {
        var r = await TestNotebooks.RunAsync("unsupported-kernel.ipynb");
        Assert.Equal(NotebookRunStatus.Failed, r.Status);
        Assert.Equal("cell 2 is in the kernel language 'fsharp'; only C# cells are supported", r.FirstError); // the label once
    }

    [Fact]
    public async Task Reference_to_a_dll_is_resolved_against_the_notebook_folder()
    {
        var r = await TestNotebooks.RunAsync("reference-dll.ipynb", prepare: folder => HelperAssembly.Emit(Path.Combine(folder, "helper", "NotebookHelper.dll")));
        Assert.True(r.Status == NotebookRunStatus.Succeeded, r.FirstError);
        Assert.Equal("Hello, kit!", Display(Assert.Single(r.Outputs(2))).Data["text/plain"]);
    }

    [Fact]
    public async Task A_nuget_package_is_restored_and_usable()
    {
        var r = await TestNotebooks.RunAsync("nuget.ipynb");
        Assert.True(r.Status == NotebookRunStatus.Succeeded, r.FirstError);
        Assert.Equal("{\"a\":1}", Display(Assert.Single(r.Outputs(2))).Data["text/plain"]);
    }

    [Fact]
    public async Task Plotly_charts_and_data_frames_are_displayed_as_html()
    {
        var r = await TestNotebooks.RunAsync("chart-dataframe.ipynb");
        Assert.True(r.Status == NotebookRunStatus.Succeeded, r.FirstError);
        var chart = Display(Assert.Single(r.Outputs(3))).Data["text/html"];
        Assert.Contains("Plotly.newPlot", chart);
        Assert.Contains("\"type\":\"scatter\"", chart);
        var frame = Display(Assert.Single(r.Outputs(4))).Data["text/html"];
        Assert.Contains("<table", frame);
        Assert.Contains("two", frame);
    }

    [Fact]
    public async Task A_formatter_registered_in_a_cell_is_used_for_display()
    {
        var r = await TestNotebooks.RunAsync("custom-formatter.ipynb");
        Assert.True(r.Status == NotebookRunStatus.Succeeded, r.FirstError);
        Assert.Equal("<span class=\"temp\">21.5 °C</span>", Display(Assert.Single(r.Outputs(2))).Data["text/html"]);
    }

    [Fact]
    public async Task The_source_notebook_is_not_modified_and_the_copy_is_written_to_the_output_folder()
    {
        var folder = TestNotebooks.CopyToTemp();
        var path = Path.Combine(folder, "state.ipynb");
        var before = File.ReadAllText(path);
        var r = await NotebookRunner.RunFileAsync(path, new NotebookRunOptions { OutputDirectory = Path.Combine(folder, "out") });
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Equal(Path.Combine(folder, "out", "state.ipynb"), r.OutputPath);
        Assert.Equal(4, NotebookFile.Load(r.OutputPath!).Cells[3].ExecutionCount! + 1);
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, "out"), "*.tmp"));
    }

    [Fact]
    public async Task The_session_raises_each_output_as_it_happens()
    {
        var session = new ExecutionSession(new ExecutionOptions { SetCurrentDirectory = false });
        var seen = new List<OutputEventArgs>();
        session.OutputProduced += (_, e) => seen.Add(e);
        var result = await session.ExecuteAsync("Console.Write(\"a\"); Console.Write(\"b\"); var d = display(1); d.Update(2);");
        Assert.Equal(CellStatus.Succeeded, result.Status);
        Assert.Equal(["a", "b"], seen.Take(2).Select(e => ((StreamOutput)e.Output).Text));
        Assert.False(seen[2].IsUpdate);
        Assert.True(seen[3].IsUpdate);
        Assert.Equal(2, result.Outputs.Count);
    }

    [Fact]
    public async Task Cancelling_a_running_cell_ends_it_as_cancelled_and_the_session_goes_on()
    {
        var session = new ExecutionSession(new ExecutionOptions { SetCurrentDirectory = false });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var result = await session.ExecuteAsync("var t = 0;\nwhile (true) { t++; }", cancellationToken: cts.Token);
        Assert.Equal(CellStatus.Cancelled, result.Status);
        var next = await session.ExecuteAsync("1");
        Assert.Equal(CellStatus.Succeeded, next.Status);
    }
}
