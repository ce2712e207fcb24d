using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// Curves y(x) at any x values, on linear or logarithmic axes, optionally over shaded <paramref name="bands"/> of
    /// the x axis: a capacity sweep (bias², variance and their sum against the degree), many fits behind their average,
    /// a test error against the number of parameters with the classical, critical and modern regimes marked.
    /// </summary>
    /// <example><code>Charts.Curves([new("test", ps, test), new("noise", [2, 800], [0.04, 0.04]) { Style = CurveStyle.Dotted }], logX: true)</code></example>
    /// <exception cref="ArgumentException">No curves; x and y of different lengths or empty; a non-positive value on a log axis; a band that is empty or reversed.</exception>
    public static GenericChart Curves(IEnumerable<Curve> curves, string xLabel = AxisLabels.X, string yLabel = AxisLabels.Y,
        bool logX = false, bool logY = false, string? title = null, IEnumerable<Band>? bands = null,
        (double Min, double Max)? yRange = null)
    {
        var list = Guard.NonEmpty(curves, "curve", nameof(curves));
        var colours = new Dictionary<string, int>();
        var traces = new List<Trace>();
        foreach (var curve in list)
        {
            Guard.NotNull(curve, nameof(curves));
            CheckCurve(curve, logX, logY, nameof(curves));
            string key = curve.Group ?? "\0" + traces.Count;
            bool first = !colours.ContainsKey(key);
            if (first) colours[key] = colours.Count;
            string colour = Palette.Color(curve.Colour ?? colours[key]);
            bool markers = curve.Style == CurveStyle.Markers, marked = curve.Style == CurveStyle.MarkedLine;
            double width = curve.Style switch { CurveStyle.Thick => 4, CurveStyle.Thin => 1, CurveStyle.Dotted => 1.5, _ => 2.5 };
            traces.Add(Dyn.Trace("scatter", ("name", curve.Group ?? curve.Name), ("mode", markers ? "markers" : marked ? "lines+markers" : "lines"),
                ("x", curve.X.ToArray()), ("y", Dyn.Gaps(curve.Y)),
                ("line", markers ? null : Dyn.Of(("color", colour), ("width", width), ("dash", curve.Style == CurveStyle.Dotted ? "dot" : "solid"))),
                ("marker", markers || marked ? Dyn.Of(("color", colour), ("size", markers ? 8 : 6)) : null),
                ("legendgroup", key), ("showlegend", first)));
        }
        var shaded = (bands ?? []).ToList();
        for (int i = 0; i < shaded.Count; i++)
        {
            var b = shaded[i];
            if (!(b.From < b.To) || !double.IsFinite(b.From) || !double.IsFinite(b.To) || (logX && b.From <= 0))
                throw new ArgumentException($"Band '{b.Label}' from {Guard.N(b.From)} to {Guard.N(b.To)} is not a stretch of the x axis; expected finite From < To{(logX ? ", both positive on a log axis" : "")}.", nameof(bands));
        }
        var layout = ChartStyle.Layout(title,
            ("xaxis", ChartStyle.Axis(xLabel, ("type", logX ? "log" : "linear"))),
            ("yaxis", ChartStyle.Axis(yLabel, ("type", logY ? "log" : "linear"),
                ("range", yRange is { } r ? (logY ? new[] { Math.Log10(r.Min), Math.Log10(r.Max) } : new[] { r.Min, r.Max }) : null))),
            ("shapes", shaded.Count == 0 ? null : shaded.Select((b, i) => Dyn.Of(("type", "rect"), ("xref", "x"), ("yref", "paper"),
                ("x0", b.From), ("x1", b.To), ("y0", 0), ("y1", 1), ("fillcolor", Palette.Color(i)), ("opacity", 0.15),
                ("layer", "below"), ("line", Dyn.Of(("width", 0))))).ToArray()),
            ("annotations", shaded.Count == 0 ? null : shaded.Select(b => Dyn.Of(
                ("x", logX ? Math.Log10(Math.Sqrt(b.From * b.To)) : (b.From + b.To) / 2), ("y", 1.0), ("xref", "x"), ("yref", "paper"),
                ("yanchor", "bottom"), ("text", b.Label), ("showarrow", false))).ToArray()));
        return ChartStyle.Chart(traces, layout);
    }

    /// <summary>
    /// The short form of <see cref="Curves(IEnumerable{Curve}, string, string, bool, bool, string?, IEnumerable{Band}?, ValueTuple{double, double}?)"/>:
    /// named curves as (name, x, y) triples; a curve whose name is in <paramref name="dotted"/> is a dotted reference
    /// (a predicted law, a threshold).
    /// </summary>
    /// <example><code>Charts.Curves([("AdaGrad", ts, steps), ("η/√t", ts, law)], "step t", "|Δθ|", logX: true, logY: true, dotted: ["η/√t"])</code></example>
    public static GenericChart Curves(IEnumerable<(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)> curves, string xLabel = AxisLabels.X,
        string yLabel = AxisLabels.Y, bool logX = false, bool logY = false, string? title = null, IReadOnlyCollection<string>? dotted = null) =>
        Curves(Guard.NonEmpty(curves, "curve", nameof(curves)).Select(c => new Curve(c.Name, c.X, c.Y)
            { Style = dotted?.Contains(c.Name) == true ? CurveStyle.Dotted : CurveStyle.Line }), xLabel, yLabel, logX, logY, title);

    private static void CheckCurve(Curve curve, bool logX, bool logY, string paramName)
    {
        Guard.Values(curve.X, curve.Name, paramName);
        Guard.Values(curve.Y, curve.Name, paramName);
        if (curve.X.Count != curve.Y.Count)
            throw new ArgumentException($"Curve '{curve.Name}' has {curve.X.Count} x values but {curve.Y.Count} y values; expected as many of each.", paramName);
        for (int i = 0; i < curve.X.Count; i++)
        {
            if (logX && !(curve.X[i] > 0) || logY && double.IsFinite(curve.Y[i]) && curve.Y[i] <= 0)
                throw new ArgumentException($"Curve '{curve.Name}' has ({Guard.N(curve.X[i])}, {Guard.N(curve.Y[i])}) at index {i}: a log axis needs positive values.", paramName);
        }
    }
}
