using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace CourseKit.Notebooks.Formatting;

/// <summary>
/// What the Plotly.NET.Interactive kernel extension registers: a <see cref="GenericChart"/> is displayed as the HTML
/// of <c>GenericChart.toChartHTML</c> (a div plus a script that draws the chart from its JSON). Added to
/// <see cref="FormatterPlugins"/> when a notebook asks for <c>#r "nuget: Plotly.NET.Interactive, ..."</c>
/// (see <see cref="Execution.KernelExtension"/>); it registers the formatter when it sees the host's Plotly.NET.
/// </summary>
public sealed class PlotlyFormatterPlugin : IFormatterPlugin
{
    private int _registered;

    private PlotlyFormatterPlugin()
    {
    }

    /// <summary>The single instance.</summary>
    public static PlotlyFormatterPlugin Instance { get; } = new();

    /// <inheritdoc />
    public void OnAssemblyLoaded(Assembly assembly)
    {
        if (assembly.IsDynamic || assembly.GetName().Name != "Plotly.NET" || assembly != typeof(GenericChart).Assembly) return;
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(GenericChart.toChartHTML(chart)), HtmlFormatter.MimeType);
    }
}
