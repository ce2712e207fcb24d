using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// The chart with one more trace: <paramref name="points"/> drawn as markers only (no line), named
    /// <paramref name="name"/> in the legend, e.g. a surface's minima, saddles and maxima on its contour plot
    /// (notebook 03: critical points classified by the Hessian). <paramref name="symbol"/> is a plotly.js marker
    /// symbol ("x", "diamond", "triangle-up", ...); the colour is the <paramref name="colourIndex"/>-th series colour
    /// of <see cref="Palette"/>. Works on 2-D charts (a <c>scatter</c> trace); the chart's layout is kept.
    /// </summary>
    /// <example><code>Charts.WithMarkers(Charts.Contour(f, (-5, 5), (-5, 5)), "saddles", saddles, "x", 1)</code></example>
    public static GenericChart WithMarkers(GenericChart chart, string name, IReadOnlyList<(double X, double Y)> points,
        string symbol = "diamond", int colourIndex = 0, int size = 13)
    {
        Guard.NotNull(chart, nameof(chart));
        Guard.Path(points, name, nameof(points));
        Guard.AtLeast(size, 1, nameof(size));
        string colour = Palette.Color(colourIndex);
        var trace = Dyn.Trace("scatter", ("name", name), ("mode", "markers"),
            ("x", points.Select(p => p.X).ToArray()), ("y", points.Select(p => p.Y).ToArray()),
            ("marker", Dyn.Of(("symbol", symbol), ("size", size), ("color", colour),
                ("line", Dyn.Of(("color", Palette.Ink), ("width", 1.5))))),
            ("hovertemplate", $"{name}<br>(%{{x:.4g}}, %{{y:.4g}})<extra></extra>"));
        var layout = GenericChart.getLayout(chart);
        var traces = GenericChart.getTraces(chart).Append(trace).ToList();
        return GenericChart.setLayout(layout, GenericChart.ofTraceObjects(false, traces));
    }
}
