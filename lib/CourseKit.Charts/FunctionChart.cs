using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// A function and its derivative on one chart: two traces, named f(x) and f′(x) (or the names given),
    /// sampled at <paramref name="samples"/> evenly spaced points of <paramref name="range"/>. Without
    /// <paramref name="derivative"/> the derivative is the central difference (f(x+h) − f(x−h)) / 2h,
    /// h = 10⁻⁵·(1 + |x|), and its trace says so.
    /// </summary>
    /// <example><code>Charts.FunctionAndDerivative(x => x * x, x => 2 * x, (-3, 3))</code></example>
    public static GenericChart FunctionAndDerivative(
        Func<double, double> f,
        Func<double, double>? derivative,
        (double Min, double Max) range,
        int samples = 201,
        string fName = "f(x)",
        string? derivativeName = null,
        string xLabel = AxisLabels.X,
        string? title = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        Guard.Range(range, nameof(range));
        Guard.AtLeast(samples, 2, nameof(samples));
        var x = Grid2D.Linspace(range, samples);
        var fx = x.Select(f).ToArray();
        if (!fx.Any(double.IsFinite))
            throw new ArgumentException($"{fName} returned NaN or ±∞ at all {samples} sample points of [{Guard.N(range.Min)}, {Guard.N(range.Max)}]; expected finite values somewhere in the range.", nameof(f));
        Func<double, double> df = derivative ?? (v =>
        {
            double h = 1e-5 * (1 + Math.Abs(v));
            return (f(v + h) - f(v - h)) / (2 * h);
        });
        string dfName = derivativeName ?? (derivative is null ? "f′(x) (central difference)" : "f′(x)");
        var dfx = x.Select(df).ToArray();
        if (!dfx.Any(double.IsFinite))
            throw new ArgumentException($"{dfName} returned NaN or ±∞ at all {samples} sample points of [{Guard.N(range.Min)}, {Guard.N(range.Max)}]; expected finite values somewhere in the range.", nameof(derivative));

        Trace[] traces =
        [
            Dyn.Trace("scatter", ("name", fName), ("mode", "lines"), ("x", x), ("y", Dyn.Gaps(fx)),
                ("line", Dyn.Of(("color", Palette.Color(0)), ("width", 2.5)))),
            Dyn.Trace("scatter", ("name", dfName), ("mode", "lines"), ("x", x), ("y", Dyn.Gaps(dfx)),
                ("line", Dyn.Of(("color", Palette.Color(1)), ("width", 2.5), ("dash", "dash")))),
        ];
        var layout = ChartStyle.Layout(title ?? $"{fName} and its derivative",
            ("xaxis", ChartStyle.Axis(xLabel, ("range", new[] { range.Min, range.Max }))),
            ("yaxis", ChartStyle.Axis("value")),
            ("legend", Dyn.Of(("x", 0.02), ("xanchor", "left"), ("y", 0.98), ("yanchor", "top"))));
        return ChartStyle.Chart(traces, layout);
    }

    /// <summary>A function and its numerical derivative (central difference); see the overload with an exact derivative.</summary>
    public static GenericChart FunctionAndDerivative(Func<double, double> f, (double Min, double Max) range, int samples = 201,
        string fName = "f(x)", string xLabel = AxisLabels.X, string? title = null) =>
        FunctionAndDerivative(f, null, range, samples, fName, null, xLabel, title);
}
