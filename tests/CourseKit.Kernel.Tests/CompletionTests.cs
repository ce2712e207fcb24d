using CourseKit.Kernel.Completion;
using CourseKit.Notebooks.Execution;

namespace CourseKit.Kernel.Tests;

/// <summary>Roslyn completion and quick info over the session's submissions.</summary>
public class CompletionTests
{
    private static async Task<(ExecutionSession, ScriptCompletion)> SessionWith(params string[] cells)
    {
        var session = new ExecutionSession(new ExecutionOptions { SetCurrentDirectory = false });
        foreach (var c in cells) Assert.True((await session.ExecuteAsync(c)).Succeeded, c);
        return (session, new ScriptCompletion(session));
    }

    [Fact]
    public async Task Members_of_a_variable_from_an_earlier_cell_are_completed()
    {
        var (_, completion) = await SessionWith("var numbers = new List<int> { 1, 2, 3 };");
        const string code = "numbers.Cou";
        var reply = completion.Complete(code, code.Length);
        var matches = reply["matches"]!.AsArray().Select(m => (string)m!).ToArray();
        Assert.Contains("Count", matches);
        Assert.All(matches, m => Assert.StartsWith("Cou", m, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("numbers.".Length, (int)reply["cursor_start"]!);
        Assert.Equal(code.Length, (int)reply["cursor_end"]!);
    }

    [Fact]
    public async Task Kernel_helpers_and_default_imports_are_in_scope()
    {
        var (_, completion) = await SessionWith();
        const string code = "displ";
        var matches = completion.Complete(code, code.Length)["matches"]!.AsArray().Select(m => (string)m!).ToArray();
        Assert.Contains("display", matches);
    }

    [Fact]
    public async Task Quick_info_shows_the_signature_of_the_symbol_before_the_cursor()
    {
        var (_, completion) = await SessionWith();
        const string code = "Math.Sqrt";
        var reply = completion.Inspect(code, code.Length);
        Assert.True((bool)reply["found"]!);
        Assert.Contains("double Math.Sqrt(double d)", (string)reply["data"]!["text/plain"]!);
    }

    [Fact]
    public async Task Quick_info_knows_a_variable_redefined_in_a_later_cell()
    {
        var (_, completion) = await SessionWith("var v = 1;", "var v = \"text\";");
        var reply = completion.Inspect("v", 1);
        Assert.Contains("string", (string)reply["data"]!["text/plain"]!);
    }
}
