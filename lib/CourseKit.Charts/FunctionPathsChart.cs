using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// A function of one variable and the iterates of one or more 1-D descents on it: the curve y = f(x) sampled at
    /// <paramref name="samples"/> points of <paramref name="range"/>, and for each path its points (xₖ, f(xₖ)) as markers
    /// joined in order, so a student sees where gradient descent stepped (notebook 01: a 1-D descent, multistart).
    /// Points outside <paramref name="range"/> are drawn too; the axis shows <paramref name="range"/>.
    /// </summary>
    /// <example><code>Charts.FunctionPaths(w => (w - 3) * (w - 3), (-1.5, 4.5), [("η = 0.1", path)], fName: "Q(w)")</code></example>
    public static GenericChart FunctionPaths(
        Func<double, double> f,
        (double Min, double Max) range,
        IEnumerable<(string Name, IReadOnlyList<double> Xs)> paths,
        string fName = "f(x)",
        string xLabel = AxisLabels.X,
        string yLabel = AxisLabels.Y,
        string? title = null,
        int samples = 201)
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.Range(range, nameof(range));
        Guard.AtLeast(samples, 2, nameof(samples));
        var list = Guard.NonEmpty(paths, "path", nameof(paths));
        foreach (var (name, xs) in list) Guard.Values(xs, name, nameof(paths));
        var x = Grid2D.Linspace(range, samples);
        var traces = new List<Trace>
        {
            Dyn.Trace("scatter", ("name", fName), ("mode", "lines"), ("x", x), ("y", Dyn.Gaps(x.Select(f))),
                ("line", Dyn.Of(("color", Palette.Ink), ("width", 2)))),
        };
        traces.AddRange(list.Select((p, i) => Dyn.Trace("scatter", ("name", p.Name), ("mode", "lines+markers"),
            ("x", p.Xs.ToArray()), ("y", Dyn.Gaps(p.Xs.Select(f))),
            ("line", Dyn.Of(("color", Palette.Color(i)), ("width", 1.5))),
            ("marker", Dyn.Of(("color", Palette.Color(i)), ("size", 7))))));
        var layout = ChartStyle.Layout(title ?? fName,
            ("xaxis", ChartStyle.Axis(xLabel, ("range", new[] { range.Min, range.Max }))),
            ("yaxis", ChartStyle.Axis(yLabel)));
        return ChartStyle.Chart(traces, layout);
    }
}
