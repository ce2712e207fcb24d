using System.Diagnostics;

namespace CourseKit.Notebooks.Tests;

/// <summary>Runs the Debian tools the tests check against (python3-nbformat, chromium); installed by .ci/run.</summary>
internal static class ExternalTools
{
    public static (int Exit, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(true);
            throw new TimeoutException($"{file} did not finish in 120 s");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
