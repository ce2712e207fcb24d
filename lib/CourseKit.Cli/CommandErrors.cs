namespace CourseKit.Cli;

/// <summary>Writes the grading commands' errors: one line each on stderr, "error: ...", and gives the exit code (1 failure, 2 usage).</summary>
internal sealed class CommandErrors(TextWriter? writer)
{
    private TextWriter Writer => writer ?? Console.Error;

    /// <summary>Writes one error line per line of <paramref name="message"/> and returns <paramref name="exitCode"/>.</summary>
    public int Fail(string message, int exitCode = 1)
    {
        foreach (var line in message.Split('\n')) Writer.WriteLine($"error: {line}");
        return exitCode;
    }

    /// <summary>A usage error (exit code 2).</summary>
    public int Usage(string message) => Fail(message, 2);
}
