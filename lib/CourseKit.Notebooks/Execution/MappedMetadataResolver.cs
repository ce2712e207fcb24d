using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// The script metadata resolver, except that an assembly of the running program (the trusted platform assemblies: the
/// framework and the worker's own packages) is read lazily from a memory-mapped file, once per process.
/// </summary>
/// <remarks>
/// Roslyn's script resolver reads the whole file of every assembly it resolves into memory, and a script compilation
/// resolves every assembly its references reference, transitively: about 150 files and 108 MB for the first cell
/// of a fresh worker, where the compiler then needs only their metadata tables. Resolution itself is unchanged: a
/// missing assembly is looked up among the trusted platform assemblies by name first and then beside the assembly that
/// asked for it, a <c>#r</c> path or package goes to the script resolver.
/// </remarks>
public sealed class MappedMetadataResolver : MetadataReferenceResolver, IEquatable<MappedMetadataResolver>
{
    private static readonly MetadataReferenceProperties _implicitReference =
        MetadataReferenceProperties.Assembly.WithAliases(["<implicit>"]);

    private static readonly ImmutableDictionary<string, string> _platformAssemblies = PlatformAssemblies();

    private static readonly ConcurrentDictionary<string, AssemblyMetadata> _metadata = new(StringComparer.Ordinal);

    private readonly ScriptMetadataResolver _scripts;

    /// <summary>A resolver whose relative <c>#r</c> paths start at <paramref name="baseDirectory"/>.</summary>
    public MappedMetadataResolver(string baseDirectory) =>
        _scripts = ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory);

    /// <inheritdoc />
    public override bool ResolveMissingAssemblies => true;

    /// <inheritdoc />
    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        Platform(referenceIdentity.Name, _implicitReference) ?? _scripts.ResolveMissingAssembly(definition, referenceIdentity);

    /// <inheritdoc />
    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
        IsAssemblyName(reference) && Platform(AssemblyName(reference), properties) is { } platform
            ? [platform]
            : _scripts.ResolveReference(reference, baseFilePath, properties);

    /// <summary>A reference by name (<c>System.Linq</c>, <c>System.Runtime.dll</c>), not a path or a package.</summary>
    private static bool IsAssemblyName(string reference) =>
        reference.IndexOfAny(['/', '\\', ':']) < 0;

    private static string AssemblyName(string reference) =>
        reference.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? reference[..^4] : reference.Split(',')[0].Trim();

    private static PortableExecutableReference? Platform(string name, MetadataReferenceProperties properties)
    {
        if (!_platformAssemblies.TryGetValue(name, out var path)) return null;
        if (!_metadata.TryGetValue(path, out var metadata))
        {
            if (!File.Exists(path)) return null;
            metadata = _metadata.GetOrAdd(path, AssemblyMetadata.CreateFromFile);
        }
        return metadata.GetReference(aliases: properties.Aliases, embedInteropTypes: properties.EmbedInteropTypes, filePath: path);
    }

    /// <summary>Whether the running program carries an assembly of this simple name (the framework or one of its packages).</summary>
    internal static bool IsPlatformAssembly(string name) => _platformAssemblies.ContainsKey(name);

    /// <summary>The running program's assemblies by simple name (the last of a name wins, as in Roslyn's resolver).</summary>
    private static ImmutableDictionary<string, string> PlatformAssemblies()
    {
        var paths = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var byName = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths.Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            byName[Path.GetFileNameWithoutExtension(path)] = path;
        return byName.ToImmutable();
    }

    /// <inheritdoc />
    public bool Equals(MappedMetadataResolver? other) => other is not null && _scripts.Equals(other._scripts);

    /// <inheritdoc />
    public override bool Equals(object? other) => Equals(other as MappedMetadataResolver);

    /// <inheritdoc />
    public override int GetHashCode() => _scripts.GetHashCode();
}
