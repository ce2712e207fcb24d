using System.Diagnostics;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// The course notebooks load the Release build of the library and its charts by path (their first cell),
/// exactly as a student's set-up command makes it; this builds it once per test run.
/// </summary>
internal static class KitBuild
{
    private static readonly Lazy<Task> _build = new(BuildAsync);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string NotebooksFolder => Path.Combine(RepositoryRoot, "notebooks");

    public static Task EnsureAsync() => _build.Value;

    private static async Task BuildAsync()
    {
        var psi = new ProcessStartInfo("dotnet", ["build", Path.Combine(RepositoryRoot, "lib", "CourseKit.Charts"), "-c", "Release", "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var build = Process.Start(psi)!;
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"dotnet build lib/CourseKit.Charts -c Release failed:\n{await output}\n{await errors}");
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "CourseKit.sln"))) return d.FullName;
        throw new InvalidOperationException("CourseKit.sln not found above the test folder");
    }
}
