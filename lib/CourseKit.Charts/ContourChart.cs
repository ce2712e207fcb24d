using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// Contour plot of J(θ₁, θ₂) = <paramref name="f"/> over <paramref name="xRange"/> × <paramref name="yRange"/>
    /// (a <paramref name="resolution"/>² grid) with optimiser paths drawn on it, each a named list of points;
    /// each path's start is a white circle and its end a star. <paramref name="logLevels"/> spaces the
    /// contour levels evenly in log₁₀(1 + J − Jmin), for valleys like Rosenbrock's where linear levels show
    /// nothing; the colour bar still reads in J. <paramref name="equalAspect"/> makes one unit as long on both
    /// axes (circles look round, so the gradient is visibly perpendicular to the contours). Points where
    /// f is NaN or ±∞ are left blank; the axes keep the given ranges, so a path that diverges leaves the window.
    /// </summary>
    /// <example><code>Charts.Contour((x, y) => x * x + 10 * y * y, (-3, 3), (-2, 2), [("lr = 0.05", path)], equalAspect: true)</code></example>
    public static GenericChart Contour(
        Func<double, double, double> f,
        (double Min, double Max) xRange,
        (double Min, double Max) yRange,
        IEnumerable<(string Name, IReadOnlyList<(double X, double Y)> Points)>? paths = null,
        int resolution = 101,
        int levels = 20,
        bool logLevels = false,
        bool equalAspect = false,
        (double X, double Y)? minimum = null,
        string xLabel = AxisLabels.Theta1,
        string yLabel = AxisLabels.Theta2,
        string zLabel = AxisLabels.Cost,
        string? title = null)
    {
        var pathList = PathTraces.Check(paths, nameof(paths));
        var traces = new List<Trace> { ContourTrace(f, xRange, yRange, resolution, levels, logLevels, zLabel) };
        for (int p = 0; p < pathList.Count; p++) traces.AddRange(PathTraces.Flat(pathList[p].Name, pathList[p].Points, p));
        if (minimum is { } m) traces.Add(MinimumTrace(m));
        return ChartStyle.Chart(traces, ContourLayout(xRange, yRange, equalAspect, xLabel, yLabel, title ?? $"{zLabel}: contours{(pathList.Count > 0 ? " and paths" : "")}"));
    }

    internal static Trace MinimumTrace((double X, double Y) m) =>
        Dyn.Trace("scatter", ("name", "minimum"), ("mode", "markers"), ("x", new[] { m.X }), ("y", new[] { m.Y }),
            ("marker", Dyn.Of(("symbol", "x-thin"), ("size", 14), ("color", Palette.Black), ("line", Dyn.Of(("width", 3), ("color", Palette.Black))))));

    internal static Layout ContourLayout((double Min, double Max) xRange, (double Min, double Max) yRange, bool equalAspect,
        string xLabel, string yLabel, string title) =>
        ChartStyle.Layout(title,
            ("xaxis", ChartStyle.Axis(xLabel, ("range", new[] { xRange.Min, xRange.Max }), ("showgrid", false), ("zeroline", false))),
            ("yaxis", ChartStyle.Axis(yLabel, ("range", new[] { yRange.Min, yRange.Max }), ("showgrid", false), ("zeroline", false),
                ("scaleanchor", equalAspect ? "x" : null), ("scaleratio", equalAspect ? 1 : null))),
            ("legend", Dyn.Of(("x", 0), ("xanchor", "left"), ("y", -0.14), ("yanchor", "top"), ("orientation", "h"))),
            ("height", 560));

    internal static Trace ContourTrace(Func<double, double, double> f, (double Min, double Max) xRange, (double Min, double Max) yRange,
        int resolution, int levels, bool logLevels, string zLabel)
    {
        var grid = Grid2D.Sample(f, xRange, yRange, resolution, "f");
        Guard.AtLeast(levels, 2, nameof(levels));
        // Log levels: contour t = log10(1 + J − Jmin), evenly spaced in t; the colour bar is labelled in J.
        double T(double j) => logLevels ? Math.Log10(1 + j - grid.Min) : j;
        var z = grid.Z.Select(row => Dyn.Gaps(row.Select(T))).ToArray();
        double lo = T(grid.Min), hi = T(grid.Max);
        if (hi <= lo) hi = lo + 1; // a constant function: one flat colour
        object? colorbarTicks = null, colorbarText = null;
        if (logLevels)
        {
            var ticks = Enumerable.Range(0, 6).Select(i => lo + (hi - lo) * i / 5).ToArray();
            colorbarTicks = ticks;
            colorbarText = ticks.Select(t => NumberText.Compact(Math.Pow(10, t) - 1 + grid.Min)).ToArray();
        }
        return Dyn.Trace("contour", ("name", zLabel), ("x", grid.X), ("y", grid.Y), ("z", z),
            ("autocontour", false),
            ("contours", Dyn.Of(("start", lo), ("end", hi), ("size", (hi - lo) / levels), ("coloring", "fill"), ("showlines", true))),
            ("line", Dyn.Of(("color", "rgba(255,255,255,0.55)"), ("width", 0.8))),
            ("colorscale", Dyn.Scale(Palette.SurfaceScale)),
            ("colorbar", Dyn.Of(("title", Dyn.Of(("text", logLevels ? $"{zLabel} (log levels)" : zLabel))),
                ("tickvals", colorbarTicks), ("ticktext", colorbarText), ("len", 0.9))),
            ("hovertemplate", logLevels ? "(%{x:.3g}, %{y:.3g})<extra></extra>" : $"(%{{x:.3g}}, %{{y:.3g}})<br>{zLabel} = %{{z:.4g}}<extra></extra>"),
            ("showlegend", false));
    }
}
