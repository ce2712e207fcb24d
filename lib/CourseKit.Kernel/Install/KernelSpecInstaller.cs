using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CourseKit.Kernel.Install;

/// <summary>
/// Writes and removes the kernelspec that lets Jupyter front ends start this kernel: a folder
/// <c>kernels/NAME</c> with <c>kernel.json</c> (argv running <c>coursekit kernel --connection-file
/// {connection_file}</c>, display name "C# (CourseKit)", language C#, interrupts by message) and logos.
/// </summary>
/// <remarks>
/// The default name is <see cref="DefaultName"/>, <c>.net-csharp</c>: the course notebooks keep the
/// kernelspec Polyglot Notebooks writes, so Jupyter starts this kernel for them with no "select a
/// kernel" prompt and no edit to the files, while VS Code's Polyglot Notebooks (which does not use
/// Jupyter kernelspecs for them) still opens them as its own. A <c>.net-csharp</c> spec that another
/// kernel (the retired .NET Interactive) installed is never overwritten without <c>force</c>; the
/// student may install under another name instead and pick the kernel once in Jupyter.
/// </remarks>
public static partial class KernelSpecInstaller
{
    /// <summary>The kernelspec name the course notebooks select.</summary>
    public const string DefaultName = ".net-csharp";

    /// <summary>The display name in front ends' kernel pickers.</summary>
    public const string DisplayName = "C# (CourseKit)";

    /// <summary>The metadata key that marks a kernelspec as this kernel's.</summary>
    public const string Marker = "coursekit";

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ValidName();

    /// <summary>The folder Jupyter searches for kernelspecs: the user's data folder (honouring JUPYTER_DATA_DIR) or the system one.</summary>
    public static string KernelsFolder(bool user)
    {
        if (!user)
            return OperatingSystem.IsWindows()
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "jupyter", "kernels")
                : "/usr/local/share/jupyter/kernels";
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data) return Path.Combine(data, "kernels");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter", "kernels");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } x ? x : Path.Combine(home, ".local", "share");
        return Path.Combine(xdg, "jupyter", "kernels");
    }

    /// <summary>The command a front end runs to start this kernel: the running coursekit program (apphost, or dotnet and the entry assembly).</summary>
    public static string[] LaunchCommand()
    {
        var process = Environment.ProcessPath ?? throw new KernelSpecException("cannot tell where the coursekit program is (no process path)");
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        var viaDotnet = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return viaDotnet && entry is { Length: > 0 }
            ? [process, entry, "kernel", "--connection-file", "{connection_file}"]
            : [process, "kernel", "--connection-file", "{connection_file}"];
    }

    /// <summary>The kernel.json content.</summary>
    public static JsonObject Spec(IReadOnlyList<string> argv) => new()
    {
        ["argv"] = new JsonArray(argv.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
        ["display_name"] = DisplayName,
        ["language"] = "C#",
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { [Marker] = new JsonObject { ["version"] = Server.KernelInfo.Version } },
    };

    /// <summary>Installs the kernelspec into <paramref name="kernelsFolder"/>; returns its folder.</summary>
    /// <exception cref="KernelSpecException">The name is invalid, or another kernel owns it and <paramref name="force"/> is false.</exception>
    public static string Install(string kernelsFolder, string name, bool force, IReadOnlyList<string>? argv = null)
    {
        CheckName(name);
        var folder = Path.Combine(kernelsFolder, name);
        if (!force && Owner(folder) is { } other)
            throw new KernelSpecException($"a kernelspec '{name}' of another kernel ({other}) is installed at {folder}; " +
                "use --force to replace it, or --name to install under another name");
        Directory.CreateDirectory(folder);
        var json = Spec(argv ?? LaunchCommand()).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(folder, "kernel.json"), json + "\n");
        foreach (var logo in new[] { "logo-32x32.png", "logo-64x64.png" })
        {
            using var source = typeof(KernelSpecInstaller).Assembly.GetManifestResourceStream("CourseKit.Kernel." + logo)
                ?? throw new InvalidOperationException($"the kernel assembly lacks its resource {logo}");
            using var target = File.Create(Path.Combine(folder, logo));
            source.CopyTo(target);
        }
        return folder;
    }

    /// <summary>Removes the kernelspec; returns its folder.</summary>
    /// <exception cref="KernelSpecException">No such kernelspec, or it belongs to another kernel and <paramref name="force"/> is false.</exception>
    public static string Uninstall(string kernelsFolder, string name, bool force)
    {
        CheckName(name);
        var folder = Path.Combine(kernelsFolder, name);
        if (!Directory.Exists(folder)) throw new KernelSpecException($"no kernelspec '{name}' is installed at {folder}");
        if (!force && Owner(folder) is { } other)
            throw new KernelSpecException($"the kernelspec '{name}' at {folder} belongs to another kernel ({other}); use --force to remove it anyway");
        Directory.Delete(folder, recursive: true);
        return folder;
    }

    /// <summary>Who owns the kernelspec in <paramref name="folder"/> when it is not this kernel: its display name; null when absent or ours.</summary>
    public static string? Owner(string folder)
    {
        var file = Path.Combine(folder, "kernel.json");
        if (!File.Exists(file)) return Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() ? "unknown" : null;
        try
        {
            var spec = JsonNode.Parse(File.ReadAllText(file)) as JsonObject;
            if (spec?["metadata"]?[Marker] is not null) return null;
            return (string?)spec?["display_name"] ?? "unnamed";
        }
        catch (JsonException)
        {
            return "unreadable kernel.json";
        }
    }

    private static void CheckName(string name)
    {
        if (!ValidName().IsMatch(name))
            throw new KernelSpecException($"kernelspec name '{name}' is invalid; expected letters, digits, '.', '_' or '-'");
    }
}
