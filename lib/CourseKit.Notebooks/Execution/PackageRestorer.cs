using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// Resolves <c>#r "nuget:"</c> packages as the real kernel does: a generated project with one
/// PackageReference per package (plus <c>#i</c> sources) is restored with <c>dotnet restore</c>, and the
/// runtime assemblies are read from its <c>project.assets.json</c>. Results are cached in a folder
/// keyed by a hash of the package set, target framework and sources, so a second run does not restore again.
/// </summary>
/// <remarks>
/// The error message names the packages, not the cell: the caller knows the cell (the session passes the message on
/// as it is, and a run's summary puts the cell's label in front of it once).
/// </remarks>
public sealed partial class PackageRestorer(string cacheDirectory)
{
    [GeneratedRegex(@"\berror(?: [A-Z]+[0-9]+)?:.*", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorMessage();

    /// <summary>The default cache folder: <c>$XDG_CACHE_HOME/coursekit/restore</c> or <c>~/.cache/coursekit/restore</c>.</summary>
    public static string DefaultCacheDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "coursekit", "restore");

    /// <summary>The cache folder.</summary>
    public string CacheDirectory { get; } = cacheDirectory;

    /// <summary>Target framework of the generated project (that of the running engine).</summary>
    public static string TargetFramework => $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>The cache key of a package set: stable under reordering and name case.</summary>
    public static string CacheKey(IEnumerable<PackageReference> packages, IEnumerable<string> sources)
    {
        var text = string.Join("\n", packages.Select(p => $"{p.Name.ToLowerInvariant()}/{p.Version ?? "*"}").Order(StringComparer.Ordinal))
            + "\n--\n" + string.Join("\n", sources.Order(StringComparer.Ordinal)) + "\n--\n" + TargetFramework;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    /// <summary>Restores the packages (or reuses the cache) and returns the runtime assembly paths.</summary>
    /// <exception cref="PackageRestoreException">restore failed; the message carries dotnet's errors.</exception>
    public async Task<IReadOnlyList<string>> RestoreAsync(IReadOnlyList<PackageReference> packages, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        if (packages.Count == 0) return Array.Empty<string>();
        var folder = Path.Combine(CacheDirectory, CacheKey(packages, sources));
        var list = Path.Combine(folder, "assemblies.txt");
        if (File.Exists(list))
        {
            var cached = await File.ReadAllLinesAsync(list, cancellationToken);
            if (cached.All(File.Exists)) return cached;
        }
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "restore.csproj"), ProjectText(packages, sources), cancellationToken);
        var (exit, output) = await RunDotnetRestoreAsync(folder, cancellationToken);
        if (exit != 0)
        {
            // "/…/restore.csproj : error NU1101: Unable to find package …": the generated project's path says nothing to the reader
            var errors = output.Split('\n').Select(l => ErrorMessage().Match(l)).Where(m => m.Success).Select(m => m.Value.Trim()).Distinct().Take(5).ToArray();
            throw new PackageRestoreException(
                $"could not restore {string.Join("; ", packages)}: {(errors.Length > 0 ? string.Join(" | ", errors) : $"`dotnet restore` exited with code {exit}")}");
        }
        var assemblies = ReadRuntimeAssemblies(Path.Combine(folder, "obj", "project.assets.json"));
        Documents.NotebookFile.WriteAtomically(list, string.Concat(assemblies.Select(a => a + "\n")));
        return assemblies;
    }

    /// <summary>The generated project: one PackageReference per package, free of the repository's build settings.</summary>
    private static string ProjectText(IReadOnlyList<PackageReference> packages, IReadOnlyList<string> sources)
    {
        var properties = new XElement("PropertyGroup",
            new XElement("TargetFramework", TargetFramework),
            new XElement("ManagePackageVersionsCentrally", false),
            new XElement("ImportDirectoryBuildProps", false),
            new XElement("ImportDirectoryPackagesProps", false),
            new XElement("TreatWarningsAsErrors", false));
        if (sources.Count > 0)
            properties.Add(new XElement("RestoreAdditionalProjectSources", string.Join(";", sources)));
        var project = new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            properties,
            new XElement("ItemGroup", packages.Select(p =>
                new XElement("PackageReference", new XAttribute("Include", p.Name), new XAttribute("Version", p.Version ?? "*")))));
        return new XDocument(project).ToString() + "\n";
    }

    private static async Task<(int, string)> RunDotnetRestoreAsync(string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", ["restore", "restore.csproj", "--nologo", "-v", "q"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new PackageRestoreException("could not start `dotnet restore`");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Runtime assemblies of every package in the restore's target, in dependency-file order.</summary>
    private static List<string> ReadRuntimeAssemblies(string assetsPath)
    {
        var assets = JsonNode.Parse(File.ReadAllText(assetsPath))!;
        var packageFolder = (assets["packageFolders"] as JsonObject)!.First().Key;
        var target = (assets["targets"] as JsonObject)!.First().Value as JsonObject;
        var libraries = assets["libraries"] as JsonObject;
        var result = new List<string>();
        foreach (var (key, value) in target!)
        {
            if (value?["type"]?.GetValue<string>() != "package" || value["runtime"] is not JsonObject runtime) continue;
            var libraryPath = libraries?[key]?["path"]?.GetValue<string>() ?? key.ToLowerInvariant();
            foreach (var (file, _) in runtime)
            {
                if (!file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) continue;
                result.Add(Path.GetFullPath(Path.Combine(packageFolder, libraryPath, file)));
            }
        }
        return result;
    }
}

/// <summary>A <c>#r "nuget:"</c> package that could not be restored.</summary>
public sealed class PackageRestoreException(string message) : Exception(message);
