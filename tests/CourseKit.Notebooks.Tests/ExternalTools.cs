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

    /// <summary>The page's DOM after its scripts ran, from headless Chromium with networking to the outside disabled, in a window <paramref name="width"/> pixels wide.</summary>
    public static string ChromiumDom(string page, int width = 1280)
    {
        var (exit, output) = Chromium(width, 900, "--dump-dom", new Uri(page).AbsoluteUri);
        Assert.True(exit == 0, output);
        return output;
    }

    /// <summary>Saves a PNG screenshot of the page, <paramref name="width"/> × <paramref name="height"/> pixels, as headless Chromium draws it.</summary>
    public static void ChromiumScreenshot(string page, string png, int width, int height)
    {
        var (exit, output) = Chromium(width, height, $"--screenshot={png}", "--hide-scrollbars", new Uri(page).AbsoluteUri);
        Assert.True(exit == 0 && File.Exists(png), output);
    }

    private static (int Exit, string Output) Chromium(int width, int height, params string[] args)
    {
        var profile = Path.Combine(Path.GetTempPath(), "coursekit-chromium", Guid.NewGuid().ToString("N"));
        return Run("/usr/bin/chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
            "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--virtual-time-budget=10000", $"--window-size={width},{height}", .. args]);
    }

    /// <summary>Validates notebooks against the nbformat schema with Debian's python3-nbformat; returns its output.</summary>
    public static void AssertValidNotebooks(params string[] paths)
    {
        const string script = "import sys, nbformat\nfor p in sys.argv[1:]:\n    nbformat.validate(nbformat.read(p, as_version=nbformat.NO_CONVERT))\nprint('valid', len(sys.argv) - 1)";
        var (exit, output) = Run("/usr/bin/python3", ["-c", script, .. paths]);
        Assert.True(exit == 0, output);
        Assert.Contains($"valid {paths.Length}", output);
    }
}
