using Plotly.NET;

namespace CourseKit.Notebooks.Formatting;

/// <summary>The plotly.js that Plotly.NET carries inside its assembly, so pages and front ends draw charts offline.</summary>
public static class EmbeddedPlotlyJs
{
    /// <summary>The name and version of plotly.js embedded in Plotly.NET, e.g. "plotly-2.28.0.min.js".</summary>
    public static string Name =>
        typeof(GenericChart).Assembly.GetManifestResourceNames().First(n => n.Contains("plotly", StringComparison.OrdinalIgnoreCase) && n.EndsWith(".js", StringComparison.Ordinal))
            ["Plotly.NET.".Length..];

    /// <summary>Opens the embedded plotly.js.</summary>
    public static Stream Open() =>
        typeof(GenericChart).Assembly.GetManifestResourceStream("Plotly.NET." + Name)
        ?? throw new InvalidOperationException("Plotly.NET carries no embedded plotly.js; expected a resource Plotly.NET.plotly-*.min.js");
}
