using System.Reflection;
using CourseKit.Notebooks.Formatting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The <c>#r "nuget:"</c> packages of one session: emulated kernel extensions (<see cref="KernelExtension"/>) add
/// their formatter plugin, the .NET Interactive packages are the host's own, and the rest is restored with
/// <see cref="PackageRestorer"/> and referenced, the host's copy of an assembly where it carries one. Each package
/// is loaded once per session, as in the real kernel.
/// </summary>
public sealed class PackageLoader(PackageRestorer restorer)
{
    private readonly HashSet<PackageReference> _loaded = new();

    /// <summary>The packages loaded so far.</summary>
    public IReadOnlyCollection<PackageReference> Loaded => _loaded;

    /// <summary>
    /// Loads the packages not loaded yet and returns <paramref name="options"/> with their assemblies referenced. A cell's
    /// packages load together or not at all: when the restore fails, none counts as loaded (a rerun tries again).
    /// </summary>
    /// <exception cref="PackageRestoreException">A package could not be restored.</exception>
    public async Task<ScriptOptions> LoadAsync(ScriptOptions options, IReadOnlyList<PackageReference> requested, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        var fresh = requested.Where(p => !_loaded.Contains(p)).Distinct().ToArray();
        var toRestore = fresh.Where(p => KernelExtension.Find(p.Name) is null && !IsKernelPackage(p)).ToArray();
        IReadOnlyList<string> paths = toRestore.Length == 0 ? [] : await restorer.RestoreAsync(toRestore, sources, cancellationToken).ConfigureAwait(false);
        _loaded.UnionWith(fresh);
        foreach (var extension in fresh.Select(p => KernelExtension.Find(p.Name)).OfType<KernelExtension>())
        {
            FormatterPlugins.Add(extension.Plugin);
            options = options.AddReferences(extension.Assemblies);
        }
        var references = new List<MetadataReference>();
        var hostAssemblies = new List<Assembly>();
        foreach (var path in paths)
        {
            if (HostAssembly(path) is { } host) hostAssemblies.Add(host);
            else references.Add(MetadataReference.CreateFromFile(path));
        }
        return options.AddReferences(hostAssemblies).AddReferences(references);
    }

    /// <summary>The kernel's own packages (Microsoft.DotNet.Interactive.*): their formatting part is the host's, nothing to restore.</summary>
    private static bool IsKernelPackage(PackageReference package) =>
        package.Name.StartsWith("Microsoft.DotNet.Interactive", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The host's own copy of a package assembly (Plotly.NET, Microsoft.Data.Analysis, FSharp.Core, ...),
    /// so that a notebook's chart or data frame is the type the host's formatters know; null when the host does not carry it.
    /// </summary>
    private static Assembly? HostAssembly(string path)
    {
        AssemblyName name;
        try { name = AssemblyName.GetAssemblyName(path); }
        catch (BadImageFormatException) { return null; }
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase));
        if (loaded is not null) return loaded;
        if (!MappedMetadataResolver.IsPlatformAssembly(name.Name!)) return null;
        try { return Assembly.Load(new AssemblyName(name.Name!)); }
        catch (IOException) { return null; }
    }
}
