using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// A row of small heat maps side by side, each with square cells and row 0 at the top: digits, the kernels a
    /// convolution learned, the feature maps they produce. In grey (white = low, black = high) for images; with
    /// <paramref name="diverging"/>, in blue (negative) through white (0) to red (positive), each panel scaled
    /// symmetrically around 0, for weights and responses whose sign matters.
    /// </summary>
    /// <example><code>Charts.Heatmaps([new("digit", image), new("kernel 0", kernel)], "What the net sees", diverging: true)</code></example>
    /// <exception cref="ArgumentException">No panels, or a panel without values or with a value that is not finite.</exception>
    public static GenericChart Heatmaps(IEnumerable<HeatmapPanel> panels, string? title = null, bool diverging = false)
    {
        var list = Guard.NonEmpty(panels, "panel", nameof(panels));
        var traces = new List<Trace>();
        var settings = new List<(string, object?)>();
        var titles = new List<DynamicObj.DynamicObj>();
        double gap = 0.04, width = (1 - gap * (list.Count - 1)) / list.Count;
        for (int n = 0; n < list.Count; n++)
        {
            var panel = list[n];
            Guard.NotNull(panel, nameof(panels));
            var z = panel.Values ?? throw new ArgumentException($"Panel '{panel.Title}' has no values; expected a matrix.", nameof(panels));
            int rows = z.GetLength(0), cols = z.GetLength(1);
            if (rows == 0 || cols == 0)
                throw new ArgumentException($"Panel '{panel.Title}' is {rows} × {cols}; expected at least one value.", nameof(panels));
            double[][] zRows = [.. Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, cols).Select(j => z[i, j]).ToArray())];
            if (zRows.SelectMany(r => r).Any(v => !double.IsFinite(v)))
                throw new ArgumentException($"Panel '{panel.Title}' holds a value that is not a finite number; expected finite values.", nameof(panels));
            double m = Math.Max(1e-12, zRows.SelectMany(r => r).Max(Math.Abs));
            string suffix = n == 0 ? "" : (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            traces.Add(Dyn.Trace("heatmap", ("name", panel.Title), ("z", zRows), ("showscale", false),
                ("xaxis", "x" + suffix), ("yaxis", "y" + suffix),
                ("colorscale", diverging
                    ? Dyn.Scale([(0.0, Palette.Blue), (0.5, "#FFFFFF"), (1.0, Palette.Vermillion)])
                    : Dyn.Scale([(0.0, "#FFFFFF"), (1.0, Palette.Ink)])),
                ("zmin", diverging ? -m : null), ("zmax", diverging ? m : null),
                ("hovertemplate", "row %{y}, column %{x}: %{z:.3g}<extra></extra>")));
            double from = n * (width + gap);
            settings.Add(("xaxis" + suffix, Dyn.Of(("domain", new[] { from, from + width }), ("anchor", "y" + suffix),
                ("showticklabels", false), ("showgrid", false), ("ticks", ""), ("zeroline", false), ("constrain", "domain"))));
            settings.Add(("yaxis" + suffix, Dyn.Of(("anchor", "x" + suffix), ("autorange", "reversed"), ("scaleanchor", "x" + suffix),
                ("showticklabels", false), ("showgrid", false), ("ticks", ""), ("zeroline", false), ("constrain", "domain"))));
            titles.Add(Dyn.Of(("text", panel.Title), ("x", from + width / 2), ("y", 1.0), ("xref", "paper"), ("yref", "paper"),
                ("xanchor", "center"), ("yanchor", "bottom"), ("showarrow", false)));
        }
        settings.Add(("annotations", titles.ToArray()));
        settings.Add(("width", Math.Max(500, 170 * list.Count)));
        settings.Add(("height", 300));
        settings.Add(("showlegend", false));
        return ChartStyle.Chart(traces, ChartStyle.Layout(title, [.. settings]));
    }
}
