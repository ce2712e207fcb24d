using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// Named series of (x, y) points, each drawn as a line through markers, for curves whose x values differ from series
    /// to series (loss against the number of updates, for runs that made different numbers of them); for evenly spaced
    /// steps or epochs use <see cref="LossCurves"/>. With <paramref name="logX"/> or <paramref name="logY"/> that axis is
    /// logarithmic, and every value on it must then be positive. Without <paramref name="markers"/> the points are joined
    /// by lines only (for densely sampled curves).
    /// </summary>
    /// <example><code>Charts.XYCurves([("B = 8", points8), ("B = 256", points256)], "updates", "loss", logX: true)</code></example>
    public static GenericChart XYCurves(
        IEnumerable<(string Name, IReadOnlyList<(double X, double Y)> Points)> series,
        string xLabel = AxisLabels.X,
        string yLabel = AxisLabels.Y,
        bool logX = false,
        bool logY = false,
        string? title = null,
        bool markers = true)
    {
        var list = Guard.NonEmpty(series, "series", nameof(series));
        foreach (var (name, points) in list)
        {
            Guard.Path(points, name, nameof(series));
            if (logX && points.Any(p => p.X <= 0))
                throw new ArgumentException($"Series '{name}' has an x ≤ 0, which a logarithmic x axis cannot show; expected positive x values.", nameof(series));
            if (logY && points.Any(p => p.Y <= 0))
                throw new ArgumentException($"Series '{name}' has a y ≤ 0, which a logarithmic y axis cannot show; expected positive y values.", nameof(series));
        }
        var traces = list.Select((s, i) => Dyn.Trace("scatter", ("name", s.Name), ("mode", markers ? "lines+markers" : "lines"),
            ("x", s.Points.Select(p => p.X).ToArray()), ("y", s.Points.Select(p => p.Y).ToArray()),
            ("line", Dyn.Of(("color", Palette.Color(i)), ("width", 2))),
            ("marker", Dyn.Of(("color", Palette.Color(i)), ("size", 6))))).ToList();
        var layout = ChartStyle.Layout(title,
            ("xaxis", logX ? ChartStyle.Axis(xLabel, ("type", "log")) : ChartStyle.Axis(xLabel)),
            ("yaxis", logY ? ChartStyle.Axis(yLabel, ("type", "log")) : ChartStyle.Axis(yLabel)));
        return ChartStyle.Chart(traces, layout);
    }
}
