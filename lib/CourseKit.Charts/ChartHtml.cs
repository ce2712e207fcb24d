using Microsoft.FSharp.Core;
using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>Charts as HTML files that open without a network: plotly.js (carried inside Plotly.NET) is inlined.</summary>
public static class ChartHtml
{
    /// <summary>A complete HTML page (UTF-8) of the chart with plotly.js inlined (about 3.6 MB).</summary>
    public static string Standalone(GenericChart chart, string? documentTitle = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var options = DisplayOptions.init(
            FSharpOption<string>.Some(documentTitle ?? "CourseKit chart"), null, FSharpOption<string>.Some("utf-8"),
            null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.Full));
        return GenericChart.toEmbeddedHTML(GenericChart.setDisplayOptions(options, chart));
    }

    /// <summary>Writes <see cref="Standalone"/> to <paramref name="path"/> (creating its folder) and returns the path.</summary>
    public static string Save(GenericChart chart, string path, string? documentTitle = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllText(path, Standalone(chart, documentTitle));
        return path;
    }
}
