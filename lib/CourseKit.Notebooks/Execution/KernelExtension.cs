using System.Reflection;
using CourseKit.Notebooks.Formatting;

namespace CourseKit.Notebooks.Execution;

/// <summary>
/// A .NET Interactive kernel extension package that the engine emulates instead of restoring (the registry does not
/// serve it, and its kernel-side part has no meaning outside the real kernel): asking for it with <c>#r "nuget:"</c>
/// adds its <see cref="Plugin"/> to <see cref="FormatterPlugins"/> and references the host's copy of the libraries
/// it brings, which is what loading the package does in the real kernel.
/// </summary>
/// <param name="PackageName">The package's name, as a notebook asks for it.</param>
/// <param name="Plugin">The formatters the extension registers.</param>
/// <param name="Assemblies">The host's assemblies the notebook gets, as if restored with the package.</param>
public sealed record KernelExtension(string PackageName, IFormatterPlugin Plugin, IReadOnlyList<Assembly> Assemblies)
{
    /// <summary>The emulated extensions: Plotly.NET.Interactive (charts as HTML).</summary>
    public static IReadOnlyList<KernelExtension> All { get; } =
    [
        new("Plotly.NET.Interactive", PlotlyFormatterPlugin.Instance,
            [typeof(Plotly.NET.GenericChart).Assembly, typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly]),
    ];

    /// <summary>The emulated extension of that package name (case-insensitive, as NuGet), or null.</summary>
    public static KernelExtension? Find(string packageName) =>
        All.FirstOrDefault(e => e.PackageName.Equals(packageName, StringComparison.OrdinalIgnoreCase));
}
