using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// The chart with one more trace: <paramref name="points"/> joined by a line named <paramref name="name"/>, e.g. a
    /// second model's curve on a <see cref="Fit"/> chart, an ensemble's members, or the edges of an uncertainty band.
    /// The colour is the <paramref name="colourIndex"/>-th series colour of <see cref="Palette"/>; the chart's layout is kept.
    /// </summary>
    /// <param name="chart">The 2-D chart to draw on.</param>
    /// <param name="name">The curve's legend entry.</param>
    /// <param name="points">The curve's points, in drawing order.</param>
    /// <param name="colourIndex">Which series colour to use.</param>
    /// <param name="dashed">Draw the line dashed (a bound, a band's edge) rather than solid.</param>
    /// <param name="width">The line width in pixels.</param>
    /// <param name="showLegend">Whether the curve gets a legend entry (false for the second edge of a band).</param>
    /// <example><code>Charts.WithCurve(Charts.Fit(points, model), "L2, λ = 0.001", grid.Select(x => (x, other(x))).ToList(), 2)</code></example>
    public static GenericChart WithCurve(GenericChart chart, string name, IReadOnlyList<(double X, double Y)> points,
        int colourIndex = 1, bool dashed = false, double width = 2, bool showLegend = true)
    {
        Guard.NotNull(chart, nameof(chart));
        Guard.Path(points, name, nameof(points));
        if (!(width > 0) || double.IsInfinity(width))
            throw new ArgumentOutOfRangeException(nameof(width), width, "The line width must be a positive finite number of pixels.");
        var trace = Dyn.Trace("scatter", ("name", name), ("mode", "lines"), ("showlegend", showLegend),
            ("x", points.Select(p => p.X).ToArray()), ("y", points.Select(p => p.Y).ToArray()),
            ("line", Dyn.Of(("color", Palette.Color(colourIndex)), ("width", width), ("dash", dashed ? "dash" : "solid"))));
        var layout = GenericChart.getLayout(chart);
        var traces = GenericChart.getTraces(chart).Append(trace).ToList();
        return GenericChart.setLayout(layout, GenericChart.ofTraceObjects(false, traces));
    }
}
