using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace CourseKit.Notebooks.Formatting;

/// <summary>
/// Emulates the Plotly.NET.Interactive kernel extension: a <see cref="GenericChart"/> is displayed as
/// the HTML of <c>GenericChart.toChartHTML</c> (a div plus a script that draws the chart from its JSON).
/// Registered when a notebook asks for <c>#r "nuget: Plotly.NET.Interactive, ..."</c>, as loading the
/// package does in the real kernel.
/// </summary>
public static class PlotlyFormatter
{
    private static int _registered;

    /// <summary>Registers the chart formatter once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(GenericChart.toChartHTML(chart)), HtmlFormatter.MimeType);
    }

    /// <summary>The name and version of plotly.js embedded in Plotly.NET, e.g. "plotly-2.28.0.min.js".</summary>
    public static string EmbeddedPlotlyJsName =>
        typeof(GenericChart).Assembly.GetManifestResourceNames().First(n => n.Contains("plotly", StringComparison.OrdinalIgnoreCase) && n.EndsWith(".js", StringComparison.Ordinal))
            ["Plotly.NET.".Length..];

    /// <summary>Opens the plotly.js that Plotly.NET carries inside its assembly (works offline).</summary>
    public static Stream OpenEmbeddedPlotlyJs() =>
        typeof(GenericChart).Assembly.GetManifestResourceStream("Plotly.NET." + EmbeddedPlotlyJsName)
        ?? throw new InvalidOperationException("Plotly.NET carries no embedded plotly.js; expected a resource Plotly.NET.plotly-*.min.js");
}
