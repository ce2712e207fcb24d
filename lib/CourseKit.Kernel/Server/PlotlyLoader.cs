using System.Text;
using CourseKit.Notebooks.Formatting;

namespace CourseKit.Kernel.Server;

/// <summary>
/// Makes plotly.js available offline to the front end. Plotly.NET 6's chart HTML calls a global
/// <c>Plotly</c>; the kernel sends, before the first chart of a front-end connection, one display_data
/// whose script runs the plotly.js embedded in Plotly.NET's assembly. The script runs plotly.js in a
/// function whose <c>define</c>, <c>module</c> and <c>exports</c> are undefined, so that its UMD
/// wrapper sets <c>window.Plotly</c> even in the classic notebook, where require.js defines a global
/// <c>define</c> (there a bare plotly.js script would register an anonymous AMD module instead, and no
/// chart would draw). Nothing is fetched from a CDN.
/// </summary>
public static class PlotlyLoader
{
    /// <summary>The comment that starts the loader script (front ends and tests recognise the output by it).</summary>
    public const string Marker = "coursekit: plotly.js loader";

    private static readonly Lazy<string> _html = new(Build);

    /// <summary>The loader output's HTML.</summary>
    public static string Html => _html.Value;

    /// <summary>Whether an HTML output draws a Plotly chart (and so needs the loader first).</summary>
    public static bool Needs(string html) => html.Contains("Plotly.newPlot(", StringComparison.Ordinal);

    private static string Build()
    {
        string source;
        using (var reader = new StreamReader(EmbeddedPlotlyJs.Open(), Encoding.UTF8))
            source = reader.ReadToEnd();
        // the script must not end the surrounding <script> element early
        source = source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        var sb = new StringBuilder(source.Length + 400);
        sb.Append("<script type=\"text/javascript\">/* ").Append(Marker).Append(": ").Append(EmbeddedPlotlyJs.Name).Append(" */\n");
        sb.Append("if (typeof window.Plotly === 'undefined') { (function (define, module, exports) {\n");
        sb.Append(source);
        sb.Append("\n}).call(window); }\n</script>");
        return sb.ToString();
    }
}
