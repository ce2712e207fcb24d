using Plotly.NET;

namespace CourseKit.Charts;

/// <summary>
/// The traces of one optimiser path: the line through its points, a start marker (circle) and an end marker
/// (star in 2-D, diamond in 3-D), all in the path's colour. The markers' names are "&lt;path&gt; start" and
/// "&lt;path&gt; end"; they share the path's legend group, so clicking the path in the legend hides all three.
/// </summary>
internal static class PathTraces
{
    public const string StartSymbol = "circle";
    public const string EndSymbol2D = "star";
    public const string EndSymbol3D = "diamond";

    public static List<(string Name, IReadOnlyList<(double X, double Y)> Points)> Check(
        IEnumerable<(string Name, IReadOnlyList<(double X, double Y)> Points)>? paths, string parameter)
    {
        var list = paths?.ToList() ?? [];
        foreach (var (name, points) in list) Guard.Path(points, name, parameter);
        return list;
    }

    public static IEnumerable<Trace> Flat(string name, IReadOnlyList<(double X, double Y)> points, int colourIndex, int upTo = int.MaxValue)
    {
        string colour = Palette.Color(colourIndex);
        int count = Math.Clamp(upTo, 1, points.Count);
        var shown = points.Take(count).ToArray();
        yield return Dyn.Trace("scatter", ("name", name), ("legendgroup", name),
            ("mode", "lines+markers"), ("x", shown.Select(p => p.X).ToArray()), ("y", shown.Select(p => p.Y).ToArray()),
            ("line", Dyn.Of(("color", colour), ("width", 2.5))),
            ("marker", Dyn.Of(("color", colour), ("size", 5))));
        yield return Dyn.Trace("scatter", ("name", name + " start"), ("legendgroup", name), ("showlegend", false),
            ("mode", "markers"), ("x", new[] { points[0].X }), ("y", new[] { points[0].Y }),
            ("marker", Dyn.Of(("symbol", StartSymbol), ("size", 13), ("color", "white"),
                ("line", Dyn.Of(("color", colour), ("width", 3))))),
            ("hovertemplate", $"{name} start<br>(%{{x:.3g}}, %{{y:.3g}})<extra></extra>"));
        var last = shown[^1];
        yield return Dyn.Trace("scatter", ("name", name + " end"), ("legendgroup", name), ("showlegend", false),
            ("mode", "markers"), ("x", new[] { last.X }), ("y", new[] { last.Y }),
            ("marker", Dyn.Of(("symbol", EndSymbol2D), ("size", 18), ("color", colour),
                ("line", Dyn.Of(("color", Palette.Ink), ("width", 1))))),
            ("hovertemplate", $"{name} end after {count - 1} steps<br>(%{{x:.3g}}, %{{y:.3g}})<extra></extra>"));
    }

    public static IEnumerable<Trace> Lifted(string name, IReadOnlyList<(double X, double Y)> points, Func<double, double, double> f,
        double lift, int colourIndex)
    {
        string colour = Palette.Color(colourIndex);
        double Z(double x, double y) => f(x, y) + lift;
        yield return Dyn.Trace("scatter3d", ("name", name), ("legendgroup", name), ("mode", "lines+markers"),
            ("x", points.Select(p => p.X).ToArray()), ("y", points.Select(p => p.Y).ToArray()),
            ("z", Dyn.Gaps(points.Select(p => Z(p.X, p.Y)))),
            ("line", Dyn.Of(("color", colour), ("width", 6))),
            ("marker", Dyn.Of(("color", colour), ("size", 3))));
        foreach (var (suffix, p, symbol, size) in new[] { ("start", points[0], StartSymbol, 7), ("end", points[^1], EndSymbol3D, 8) })
            yield return Dyn.Trace("scatter3d", ("name", $"{name} {suffix}"), ("legendgroup", name), ("showlegend", false),
                ("mode", "markers"), ("x", new[] { p.X }), ("y", new[] { p.Y }), ("z", Dyn.Gaps([Z(p.X, p.Y)])),
                ("marker", Dyn.Of(("symbol", symbol), ("size", size), ("color", suffix == "start" ? "white" : colour),
                    ("line", Dyn.Of(("color", suffix == "start" ? colour : Palette.Ink), ("width", 3))))));
    }
}
