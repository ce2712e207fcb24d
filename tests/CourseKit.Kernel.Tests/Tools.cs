using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CourseKit.Kernel.Tests;

/// <summary>The built coursekit program, Debian's python3 (jupyter_client, nbclient, nbconvert) and a temp Jupyter folder with the kernelspec.</summary>
internal static class Tools
{
    /// <summary>
    /// A copy of notebooks/NAME under <paramref name="root"/>, with the library and charts DLLs built with these
    /// tests at lib/CourseKit{,.Charts}/bin/Release/net10.0, where the notebook's first cell loads them from.
    /// </summary>
    public static string StageCourseNotebook(string root, string name)
    {
        var notebooks = Path.Combine(root, "notebooks");
        Directory.CreateDirectory(notebooks);
        File.Copy(Path.Combine(RepositoryRoot, "notebooks", name), Path.Combine(notebooks, name));
        foreach (var project in new[] { "CourseKit", "CourseKit.Charts" })
        {
            var bin = Path.Combine(root, "lib", project, "bin", "Release", "net10.0");
            Directory.CreateDirectory(bin);
            File.Copy(Path.Combine(AppContext.BaseDirectory, project + ".dll"), Path.Combine(bin, project + ".dll"));
        }
        return Path.Combine(notebooks, name);
    }

    public const string Python = "/usr/bin/python3";

    /// <summary>The coursekit apphost next to the test assembly (the Cli project is referenced, so it is built there).</summary>
    public static string Coursekit => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "CourseKit.Cli.exe" : "CourseKit.Cli");

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CourseKit.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("no CourseKit.sln above the test folder");
        }
    }

    public static (int Exit, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, IDictionary<string, string>? env = null, string? cwd = null, int timeoutSeconds = 300)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cwd ?? Directory.GetCurrentDirectory() };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (env is not null)
            foreach (var (k, v) in env) start.Environment[k] = v;
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeoutSeconds} s; stderr: {stderr.Result}");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A temp Jupyter data folder with the kernelspec installed by <c>coursekit kernel install --user</c>; env for python.</summary>
    public static Dictionary<string, string> JupyterEnvironment(string root, string name)
    {
        var data = Path.Combine(root, "jupyter-data");
        var env = new Dictionary<string, string>
        {
            ["JUPYTER_DATA_DIR"] = data, ["JUPYTER_PATH"] = data, ["JUPYTER_CONFIG_DIR"] = Path.Combine(root, "jupyter-config"),
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(root, "jupyter-runtime"), ["HOME"] = root, ["JUPYTER_PLATFORM_DIRS"] = "1",
        };
        var (exit, _, err) = Run(Coursekit, ["kernel", "install", "--user", "--name", name], env);
        Assert.True(exit == 0, err);
        return env;
    }

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "coursekit-kernel-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;
}
