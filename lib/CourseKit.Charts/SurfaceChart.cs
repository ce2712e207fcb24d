using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// 3-D surface z = <paramref name="f"/>(x, y) over the ranges with optimiser paths lifted onto it
    /// (each point drawn at (x, y, f(x, y)), raised by 1 % of the surface's height so it stays visible),
    /// start and end marked (white circle, diamond). Drag to turn the surface.
    /// </summary>
    public static GenericChart Surface(
        Func<double, double, double> f,
        (double Min, double Max) xRange,
        (double Min, double Max) yRange,
        IEnumerable<(string Name, IReadOnlyList<(double X, double Y)> Points)>? paths = null,
        int resolution = 61,
        string xLabel = AxisLabels.Theta1,
        string yLabel = AxisLabels.Theta2,
        string zLabel = AxisLabels.Cost,
        string? title = null)
    {
        var pathList = PathTraces.Check(paths, nameof(paths));
        var grid = Grid2D.Sample(f, xRange, yRange, resolution, "f");
        double lift = 0.01 * Math.Max(grid.Max - grid.Min, 1e-12);
        var traces = new List<Trace>
        {
            Dyn.Trace("surface", ("name", zLabel), ("x", grid.X), ("y", grid.Y),
                ("z", grid.Z.Select(Dyn.Gaps).ToArray()),
                ("colorscale", Dyn.Scale(Palette.SurfaceScale)), ("opacity", 0.92), ("showscale", false),
                ("contours", Dyn.Of(("z", Dyn.Of(("show", true), ("usecolormap", true), ("project", Dyn.Of(("z", true))))))),
                ("showlegend", false)),
        };
        for (int p = 0; p < pathList.Count; p++) traces.AddRange(PathTraces.Lifted(pathList[p].Name, pathList[p].Points, f, lift, p));
        var scene = Dyn.Of(
            ("xaxis", ChartStyle.Axis(xLabel, ("range", new[] { xRange.Min, xRange.Max }))),
            ("yaxis", ChartStyle.Axis(yLabel, ("range", new[] { yRange.Min, yRange.Max }))),
            ("zaxis", ChartStyle.Axis(zLabel)),
            ("camera", Dyn.Of(("eye", Dyn.Of(("x", 1.5), ("y", -1.5), ("z", 1.0))))),
            ("aspectmode", "cube"));
        var layout = ChartStyle.Layout(title ?? $"{zLabel} as a surface{(pathList.Count > 0 ? " with paths" : "")}",
            ("scene", scene), ("height", 620),
            ("margin", Dyn.Of(("l", 10), ("r", 10), ("t", 60), ("b", 10))));
        return ChartStyle.Chart(traces, layout);
    }
}
