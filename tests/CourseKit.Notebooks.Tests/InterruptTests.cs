using CourseKit.Notebooks.Execution;

namespace CourseKit.Notebooks.Tests;

/// <summary>The cooperative interrupt: loops and recursion stop at a timeout or cancellation and the session stays usable.</summary>
public class InterruptTests
{
    private static ExecutionSession Session(double timeoutSeconds = 60) =>
        new(new ExecutionOptions { CellTimeout = TimeSpan.FromSeconds(timeoutSeconds), SetCurrentDirectory = false, InterruptGracePeriod = TimeSpan.FromSeconds(20) });

    /// <summary>Runs <paramref name="code"/> after a line that prints "go", and cancels the cell once "go" is out (so the endless part is running, not compiling).</summary>
    private static async Task<CellExecutionResult> RunAndInterrupt(ExecutionSession session, string code)
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        void OnOutput(object? sender, OutputEventArgs e)
        {
            if (e.Output is Documents.StreamOutput { Text: "go\n" }) started.TrySetResult();
        }
        session.OutputProduced += OnOutput;
        try
        {
            var running = session.ExecuteAsync("Console.WriteLine(\"go\");\n" + code, cancellationToken: cts.Token);
            await Task.WhenAny(started.Task, running);
            await Task.Delay(100);
            cts.Cancel();
            return await running;
        }
        finally
        {
            session.OutputProduced -= OnOutput;
        }
    }

    /// <summary>The trailing value's text: numbers and booleans render as <c>&lt;pre&gt;value&lt;/pre&gt;</c> in the kernel's HTML.</summary>
    private static string Plain(CellExecutionResult r)
    {
        var html = Assert.IsType<Documents.DisplayDataOutput>(Assert.Single(r.Outputs)).Data["text/html"];
        var start = html.IndexOf("<pre>", StringComparison.Ordinal) + "<pre>".Length;
        return html[start..html.IndexOf("</pre>", start, StringComparison.Ordinal)];
    }

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("for (;;) ;")]
    [InlineData("var i = 0;\ndo i++; while (i >= 0 || true);")]
    [InlineData("foreach (var k in Enumerable.Repeat(1, int.MaxValue)) { }")]
    [InlineData("again: goto again;")]
    [InlineData("long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);\nFib(90)")]
    [InlineData("void Tree(int n) { if (n > 0) { Tree(n - 1); Tree(n - 1); } }\nTree(200);")]
    [InlineData("Action spin = () => { while (true) { } };\nspin();")]
    [InlineData("await Task.Run(() => { while (true) { } });")]
    public async Task An_interrupted_endless_cell_stops_and_the_session_goes_on(string code)
    {
        var session = Session();
        Assert.True((await session.ExecuteAsync("var before = 41;")).Succeeded);
        var r = await RunAndInterrupt(session, code);
        Assert.Equal(CellStatus.Cancelled, r.Status);
        Assert.Equal("go\n", Assert.IsType<Documents.StreamOutput>(r.Outputs[0]).Text);
        Assert.Equal("System.OperationCanceledException: cell 2 was cancelled", r.Error!.Value);
        Assert.Null(session.BrokenBecause);
        var after = await session.ExecuteAsync("before + 1");
        Assert.True(after.Succeeded, after.Error?.Value);
        Assert.Equal("42", Plain(after));
    }

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("long Walk(int n) => n == 0 ? 1 : Walk(n - 1) + Walk(n - 1);\nWalk(200)")]
    public async Task A_timed_out_endless_cell_stops_and_the_session_goes_on(string code)
    {
        var session = Session(timeoutSeconds: 3);
        Assert.True((await session.ExecuteAsync("var before = 41;")).Succeeded);
        var r = await session.ExecuteAsync("Console.WriteLine(\"go\");\n" + code);
        Assert.Equal(CellStatus.TimedOut, r.Status);
        Assert.Equal("go\n", Assert.IsType<Documents.StreamOutput>(r.Outputs[0]).Text);
        Assert.Equal("System.TimeoutException: cell 2 exceeded its time limit of 3 s", r.Error!.Value);
        Assert.Null(session.BrokenBecause);
        Assert.Equal("42", Plain(await session.ExecuteAsync("before + 1")));
    }

    [Fact]
    public async Task An_interrupt_keeps_the_state_the_cell_reached()
    {
        var session = Session();
        var r = await RunAndInterrupt(session, "var counter = 0;\nwhile (true) { counter++; }");
        Assert.Equal(CellStatus.Cancelled, r.Status);
        Assert.Equal("True", Plain(await session.ExecuteAsync("counter > 0")).Trim());
    }

    [Fact]
    public async Task A_cancellation_in_one_session_does_not_stop_another()
    {
        var busy = Session();
        var other = Session();
        Assert.True((await other.ExecuteAsync("var n = 20_000_000;")).Succeeded);
        var spinning = RunAndInterrupt(busy, "while (true) {}");
        var loops = await other.ExecuteAsync("var s = 0L; for (var i = 0; i < n; i++) s += i; s");
        Assert.True(loops.Succeeded, loops.Error?.Value);
        Assert.Equal(CellStatus.Cancelled, (await spinning).Status);
    }

    [Fact]
    public async Task Code_that_makes_no_checks_is_abandoned_and_breaks_the_session()
    {
        var session = new ExecutionSession(new ExecutionOptions
        {
            CellTimeout = TimeSpan.FromSeconds(60), SetCurrentDirectory = false, InterruptGracePeriod = TimeSpan.FromMilliseconds(200),
        });
        var r = await RunAndInterrupt(session, "System.Threading.Thread.Sleep(5000);");
        Assert.Equal(CellStatus.Cancelled, r.Status);
        Assert.Equal("cell 1 was cancelled while running and did not stop", session.BrokenBecause);
    }

    [Theory]
    [InlineData("while (x)\n    y++;")]
    [InlineData("for (var i = 0; i < 3; i++)\n{\n  a();\n}\n")]
    [InlineData("int F(int n) =>\n    n <= 0\n    ? 0\n    : F(n - 1);\nF(3)")]
    [InlineData("async Task G() => await Task.Delay(1);\nint H() => throw new Exception(\"x\");")]
    [InlineData("var f = (int a) => { return a; };\nswitch (1) { case 1: goto case 2; case 2: break; }")]
    [InlineData("class C { public C() { } int P { get { return 1; } } void M() { foreach (var (a, b) in new[] { (1, 2) }) { } } }")]
    public void The_rewrite_keeps_every_statement_on_its_line(string code)
    {
        var rewritten = InterruptRewriter.Rewrite(code);
        Assert.Contains("CellInterrupt.Check();", rewritten);
        var before = code.Split('\n');
        var after = rewritten.Split('\n');
        Assert.Equal(before.Length, after.Length);
        // removing the inserted checks and braces leaves each line's tokens in place
        for (var i = 0; i < before.Length; i++)
        {
            var tokens = Tokens(before[i]);
            var kept = Tokens(after[i].Replace("global::CourseKit.Notebooks.Execution.CellInterrupt.Check();", ""));
            Assert.True(IsSubsequence(tokens, kept), $"line {i + 1}: '{before[i]}' became '{after[i]}'");
        }
    }

    [Fact]
    public void Code_that_does_not_parse_is_left_as_written()
    {
        const string code = "while (true) { int x = ; }";
        Assert.Same(code, InterruptRewriter.Rewrite(code));
    }

    [Fact]
    public async Task Compile_errors_are_reported_at_the_cell_columns_not_the_rewrite()
    {
        var session = Session();
        var r = await session.ExecuteAsync("while (true) { int x = \"s\"; }");
        Assert.Equal(CellStatus.CompileError, r.Status);
        Assert.StartsWith("(1,24): error CS0029", r.Error!.Value);
    }

    private static string[] Tokens(string line) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseTokens(line).Select(t => t.Text)
            .Where(t => t.Length > 0 && t is not ("{" or "}" or ";" or "=>" or "return")).ToArray(); // what an expression body becomes

    private static bool IsSubsequence(string[] needle, string[] hay)
    {
        var j = 0;
        foreach (var t in hay)
            if (j < needle.Length && needle[j] == t) j++;
        return j == needle.Length;
    }
}
