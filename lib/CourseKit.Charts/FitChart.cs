using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// A regression fit: the data points and the model's curve y = <paramref name="model"/>(x) over
    /// <paramref name="xRange"/> (default: the data's x range plus 10 %), and, if given, the true function dotted.
    /// </summary>
    public static GenericChart Fit(
        IReadOnlyList<(double X, double Y)> points,
        Func<double, double> model,
        (double Min, double Max)? xRange = null,
        Func<double, double>? truth = null,
        int samples = 200,
        string modelName = "model",
        string xLabel = AxisLabels.X,
        string yLabel = AxisLabels.Y,
        string? title = "Fit")
    {
        var (traces, layout) = FitParts(points, model, xRange, truth, samples, modelName, xLabel, yLabel, title, yRange: null);
        return ChartStyle.Chart(traces, layout);
    }

    internal static (List<Trace> Traces, Layout Layout) FitParts(IReadOnlyList<(double X, double Y)> points, Func<double, double> model,
        (double Min, double Max)? xRange, Func<double, double>? truth, int samples, string modelName, string xLabel, string yLabel,
        string? title, (double Min, double Max)? yRange)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(model);
        if (points.Count == 0) throw new ArgumentException("The data set is empty; expected at least one point.", nameof(points));
        Guard.AtLeast(samples, 2, nameof(samples));
        var xr = xRange ?? Padded(points.Select(p => p.X));
        Guard.Range(xr, nameof(xRange));
        var x = Grid2D.Linspace(xr, samples);
        var y = x.Select(model).ToArray();
        if (!y.Any(double.IsFinite))
            throw new ArgumentException($"The model returned NaN or ±∞ at all {samples} sample points of [{Guard.N(xr.Min)}, {Guard.N(xr.Max)}]; expected finite predictions.", nameof(model));
        var traces = new List<Trace>
        {
            Dyn.Trace("scatter", ("name", "data"), ("mode", "markers"),
                ("x", points.Select(p => p.X).ToArray()), ("y", Dyn.Gaps(points.Select(p => p.Y))),
                ("marker", Dyn.Of(("color", Palette.SkyBlue), ("size", 7), ("line", Dyn.Of(("color", Palette.Blue), ("width", 1)))))),
            Dyn.Trace("scatter", ("name", modelName), ("mode", "lines"), ("x", x), ("y", Dyn.Gaps(y)),
                ("line", Dyn.Of(("color", Palette.Vermillion), ("width", 3)))),
        };
        if (truth is not null)
            traces.Add(Dyn.Trace("scatter", ("name", "true function"), ("mode", "lines"), ("x", x), ("y", Dyn.Gaps(x.Select(truth))),
                ("line", Dyn.Of(("color", Palette.Ink), ("width", 1.5), ("dash", "dot")))));
        var layout = ChartStyle.Layout(title,
            ("xaxis", ChartStyle.Axis(xLabel, ("range", new[] { xr.Min, xr.Max }))),
            ("yaxis", ChartStyle.Axis(yLabel, ("range", yRange is { } r ? new[] { r.Min, r.Max } : null))));
        return (traces, layout);
    }
}
