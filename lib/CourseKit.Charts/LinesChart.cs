using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// Several named curves y(x), each with its own x values, on one chart; either axis may be logarithmic, where a power
    /// law x^p is a straight line of slope p. A curve whose name is in <paramref name="dashed"/> is drawn dashed (a
    /// reference such as a predicted law or a threshold). NaN and ±∞ leave a gap.
    /// </summary>
    /// <example><code>Charts.Lines([("AdaGrad", ts, steps), ("η/√t", ts, law)], "step t", "|Δθ|", logX: true, logY: true, dashed: ["η/√t"])</code></example>
    public static GenericChart Lines(
        IEnumerable<(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)> curves,
        string xLabel,
        string yLabel,
        bool logX = false,
        bool logY = false,
        string? title = null,
        IReadOnlyCollection<string>? dashed = null)
    {
        var list = Guard.NonEmpty(curves, "curve", nameof(curves));
        var traces = new List<Trace>();
        for (int c = 0; c < list.Count; c++)
        {
            var (name, x, y) = list[c];
            Guard.Values(x, name, nameof(curves));
            Guard.Values(y, name, nameof(curves));
            if (x.Count != y.Count)
                throw new ArgumentException($"Curve '{name}' has {x.Count} x values but {y.Count} y values; expected one y per x.", nameof(curves));
            foreach (var (axis, values, log) in new[] { ("x", x, logX), ("y", y, logY) })
                for (int i = 0; log && i < values.Count; i++)
                    if (double.IsFinite(values[i]) && values[i] <= 0)
                        throw new ArgumentException(
                            $"A log-scale {axis} axis needs positive values; curve '{name}' has {Guard.N(values[i])} at index {i}.", nameof(curves));
            traces.Add(Dyn.Trace("scatter",
                ("name", name), ("mode", "lines"), ("x", Dyn.Gaps(x)), ("y", Dyn.Gaps(y)),
                ("line", Dyn.Of(("color", Palette.Color(c)), ("width", 2.5),
                    ("dash", dashed?.Contains(name) == true ? "dash" : "solid")))));
        }
        var layout = ChartStyle.Layout(title,
            ("xaxis", ChartStyle.Axis(xLabel, ("type", logX ? "log" : "linear"))),
            ("yaxis", ChartStyle.Axis(yLabel, ("type", logY ? "log" : "linear"))));
        return ChartStyle.Chart(traces, layout);
    }
}
