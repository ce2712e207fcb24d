using CourseKit.Cli;
using Spectre.Console;

namespace CourseKit.Notebooks.Tests;

/// <summary>The whole <c>coursekit</c> command line run in-process, its two consoles captured (linked into the grading tests too).</summary>
internal static class InProcessCli
{
    /// <summary>Runs the command line; Output is what went to standard output, Errors to standard error.</summary>
    public static async Task<(int Exit, string Output, string Errors)> Run(params string[] args)
    {
        var (writer, console) = Capture();
        var (errorWriter, errors) = Capture();
        var exit = await Commands.Build(console, errors).Parse(args).InvokeAsync();
        return (exit, writer.ToString(), errorWriter.ToString());
    }

    private static (StringWriter, IAnsiConsole) Capture()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 400;
        return (writer, console);
    }
}
