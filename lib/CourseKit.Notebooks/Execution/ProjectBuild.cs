using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Builds what a cell's <c>#r "path.dll"</c> loads when that file is the output of a project beside it
/// (<c>lib/CourseKit.Charts/bin/Release/net10.0/CourseKit.Charts.dll</c> of <c>lib/CourseKit.Charts/CourseKit.Charts.csproj</c>)
/// and is missing or older than the project's sources or those of the projects it references. So a student who opens
/// a notebook before building the kit, or after pulling changes to it, gets the kit built by the first cell instead
/// of CS0006. Concurrent sessions (a parallel run, the grader) build a project once: a lock file in its obj folder.
/// </summary>
public static partial class ProjectBuild
{
    /// <summary>The most time one build may take.</summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The <c>#r "….dll"</c> paths of a cell (packages are not among them).</summary>
    public static IEnumerable<string> ReferencedFiles(string code) =>
        FileReference().Matches(code).Select(m => m.Groups["path"].Value);

    /// <summary>
    /// Builds the project whose output <paramref name="dllPath"/> is, when that file is missing or stale; returns null
    /// when the file is ready (or is no project's output), else one line saying what failed and what to run.
    /// </summary>
    /// <param name="dllPath">The file a <c>#r</c> names, resolved against the notebook's folder.</param>
    /// <param name="building">Told, before a build starts, what is being built and why (a cell shows it: the build takes a while).</param>
    /// <param name="cancellationToken">Stops waiting and ends the build.</param>
    public static async Task<string?> EnsureAsync(string dllPath, Action<string> building, CancellationToken cancellationToken)
    {
        if (Locate(dllPath) is not { } target) return null;
        if (!IsStale(target)) return null;
        Directory.CreateDirectory(Path.Combine(target.ProjectFolder, "obj"));
        var lockPath = Path.Combine(target.ProjectFolder, "obj", "coursekit-build.lock");
        using var gate = await AcquireAsync(lockPath, cancellationToken).ConfigureAwait(false);
        if (!IsStale(target)) return null; // another session built it while this one waited
        var root = Root(target.ProjectFolder);
        var command = $"dotnet build {Path.GetRelativePath(root, target.ProjectFolder)} -c {target.Configuration}";
        building($"building {Path.GetRelativePath(root, target.ProjectFolder)} ({command}): {Path.GetFileName(dllPath)} is {(File.Exists(dllPath) ? "older than its sources" : "missing")}\n");
        var (exitCode, output) = await RunBuildAsync(target, cancellationToken).ConfigureAwait(false);
        if (exitCode == 0 && File.Exists(dllPath)) return null;
        var firstError = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(": error ", StringComparison.Ordinal));
        return $"{Path.GetFileName(dllPath)} was {(File.Exists(dllPath) ? "older than its sources" : "missing")} and building it failed" +
            (firstError is null ? "" : $" ({firstError})") + $"; run `{command}` in {root} to see why";
    }

    /// <summary>A project's build output: the project, its folder, and the configuration of the path.</summary>
    private sealed record Target(string Dll, string Project, string ProjectFolder, string Configuration);

    /// <summary>The project of <c>&lt;folder&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;Name&gt;.dll</c>: <c>&lt;folder&gt;/&lt;Name&gt;.csproj</c>, if it exists.</summary>
    private static Target? Locate(string dllPath)
    {
        var full = Path.GetFullPath(dllPath);
        var tfm = Path.GetDirectoryName(full);
        var configuration = Path.GetDirectoryName(tfm);
        var bin = Path.GetDirectoryName(configuration);
        if (bin is null || !string.Equals(Path.GetFileName(bin), "bin", StringComparison.OrdinalIgnoreCase)) return null;
        var folder = Path.GetDirectoryName(bin)!;
        var project = Path.Combine(folder, Path.GetFileNameWithoutExtension(full) + ".csproj");
        return File.Exists(project) ? new Target(full, project, folder, Path.GetFileName(configuration)!) : null;
    }

    /// <summary>Whether the output is missing or older than a source (.cs, .csproj, Directory.*.props) of the project or of a project it references.</summary>
    private static bool IsStale(Target target)
    {
        if (!File.Exists(target.Dll)) return true;
        var built = File.GetLastWriteTimeUtc(target.Dll);
        return Sources(target.Project).Any(f => File.GetLastWriteTimeUtc(f) > built);
    }

    private static IEnumerable<string> Sources(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next) || !File.Exists(next)) continue;
            var folder = Path.GetDirectoryName(next)!;
            yield return next;
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(folder, file);
                if (!relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    yield return file;
            }
            foreach (var props in AncestorProps(folder)) yield return props;
            XDocument document;
            try { document = XDocument.Load(next); }
            catch (System.Xml.XmlException) { continue; } // a broken project: the build will say why
            foreach (var reference in document.Descendants("ProjectReference"))
                if (reference.Attribute("Include")?.Value is { Length: > 0 } include)
                    pending.Push(Path.GetFullPath(Path.Combine(folder, include.Replace('\\', Path.DirectorySeparatorChar))));
        }
    }

    private static IEnumerable<string> AncestorProps(string folder)
    {
        for (var d = new DirectoryInfo(folder); d is not null; d = d.Parent)
            foreach (var name in new[] { "Directory.Build.props", "Directory.Packages.props" })
                if (File.Exists(Path.Combine(d.FullName, name))) yield return Path.Combine(d.FullName, name);
    }

    private static async Task<(int ExitCode, string Output)> RunBuildAsync(Target target, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", ["build", target.Project, "-c", target.Configuration, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"cannot start dotnet: {e.Message}");
        }
        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(BuildTimeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            return (process.ExitCode, await output.ConfigureAwait(false) + await errors.ConfigureAwait(false));
        }
    }

    /// <summary>An exclusive lock file (an advisory lock on Unix), waited for.</summary>
    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Where a person runs the build from: the nearest folder above the project with a solution or a git repository, else the project's parent.</summary>
    private static string Root(string projectFolder)
    {
        for (var d = Directory.GetParent(projectFolder); d is not null; d = d.Parent)
            if (d.EnumerateFiles("*.sln").Any() || d.EnumerateFiles("*.slnx").Any() || Directory.Exists(Path.Combine(d.FullName, ".git")) || File.Exists(Path.Combine(d.FullName, ".git")))
                return d.FullName;
        return Path.GetDirectoryName(projectFolder)!;
    }

    [GeneratedRegex("""^\s*#r\s+"(?!nuget:)(?<path>[^"]+\.dll)"\s*$""", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex FileReference();
}
