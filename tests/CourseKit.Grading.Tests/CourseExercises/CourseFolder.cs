using System.Diagnostics;

namespace CourseKit.Grading.Tests.CourseExercises;

/// <summary>The repository's course notebooks, and the Release build of the kit their first cell loads by path.</summary>
internal static class CourseFolder
{
    private static readonly Lazy<Task> Build = new(BuildAsync);

    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>Builds lib/CourseKit.Charts (and so lib/CourseKit) in Release once per test run, as the README's set-up does.</summary>
    public static Task EnsureKitBuiltAsync() => Build.Value;

    private static async Task BuildAsync()
    {
        var psi = new ProcessStartInfo("dotnet", ["build", Path.Combine(Root, "lib", "CourseKit.Charts"), "-c", "Release", "--nologo", "-v", "q"])
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
