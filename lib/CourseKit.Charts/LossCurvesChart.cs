using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// Loss (or metric) curves of one or several named runs on one chart: x is the step or epoch
    /// (<paramref name="xStart"/>, <paramref name="xStart"/> + <paramref name="xStep"/>, ...), y the value.
    /// NaN and ±∞ (a diverged run) leave a gap. With <paramref name="logY"/> the y axis is logarithmic
    /// (every finite value must then be positive). A second metric per run (e.g. accuracy) goes on a right-hand
    /// axis, dashed, in the colour of its run (matched by name, else by position).
    /// </summary>
    /// <example><code>Charts.LossCurves([("lr = 0.1", lossA), ("lr = 0.5", lossB)], logY: true)</code></example>
    public static GenericChart LossCurves(
        IEnumerable<(string Name, IReadOnlyList<double> Values)> runs,
        string xLabel = AxisLabels.Epoch,
        string yLabel = AxisLabels.Cost,
        bool logY = false,
        string? title = "Loss",
        IEnumerable<(string Name, IReadOnlyList<double> Values)>? secondMetric = null,
        string secondLabel = "accuracy",
        double xStart = 1,
        double xStep = 1)
    {
        var list = Guard.NonEmpty(runs, "run", nameof(runs));
        if (!double.IsFinite(xStart)) throw new ArgumentException($"xStart must be finite; got {Guard.N(xStart)}.", nameof(xStart));
        if (!(xStep > 0 && double.IsFinite(xStep))) throw new ArgumentException($"xStep must be a positive number; got {Guard.N(xStep)}.", nameof(xStep));
        foreach (var (name, values) in list)
        {
            Guard.Values(values, name, nameof(runs));
            if (logY)
                for (int i = 0; i < values.Count; i++)
                    if (double.IsFinite(values[i]) && values[i] <= 0)
                        throw new ArgumentException(
                            $"A log-scale y axis needs positive values; run '{name}' has {Guard.N(values[i])} at index {i}. Plot it with logY: false, or plot the loss minus its minimum plus a small constant.",
                            nameof(runs));
        }
        double[] Xs(int count) => [.. Enumerable.Range(0, count).Select(i => xStart + i * xStep)];

        var traces = new List<Trace>();
        for (int r = 0; r < list.Count; r++)
        {
            var (name, values) = list[r];
            traces.Add(Dyn.Trace("scatter",
                ("name", name), ("mode", values.Count == 1 ? "markers" : "lines"),
                ("x", Xs(values.Count)), ("y", Dyn.Gaps(values)),
                ("line", Dyn.Of(("color", Palette.Color(r)), ("width", 2.5))),
                ("marker", Dyn.Of(("color", Palette.Color(r)))),
                ("legendgroup", name)));
        }

        var second = secondMetric?.ToList();
        if (second is { Count: 0 }) second = null;
        if (second is not null)
        {
            for (int m = 0; m < second.Count; m++)
            {
                var (name, values) = second[m];
                Guard.Values(values, name, nameof(secondMetric));
                int colour = list.FindIndex(run => run.Name == name);
                if (colour < 0) colour = m;
                string traceName = list.Count == 1 && second.Count == 1 ? secondLabel : $"{name} · {secondLabel}";
                traces.Add(Dyn.Trace("scatter",
                    ("name", traceName), ("mode", values.Count == 1 ? "markers" : "lines"),
                    ("x", Xs(values.Count)), ("y", Dyn.Gaps(values)), ("yaxis", "y2"),
                    ("line", Dyn.Of(("color", Palette.Color(colour)), ("width", 2), ("dash", "dash"))),
                    ("marker", Dyn.Of(("color", Palette.Color(colour)))),
                    ("legendgroup", name)));
            }
        }

        var layout = ChartStyle.Layout(title,
            ("xaxis", ChartStyle.Axis(xLabel)),
            ("yaxis", ChartStyle.Axis(yLabel, ("type", logY ? "log" : "linear"))),
            ("yaxis2", second is null ? null : ChartStyle.Axis(secondLabel,
                ("overlaying", "y"), ("side", "right"), ("showgrid", false))),
            ("legend", Dyn.Of(("x", second is null ? 1.0 : 0.98), ("xanchor", "right"), ("y", 1.0))),
            ("hovermode", "x unified"));
        return ChartStyle.Chart(traces, layout);
    }

    /// <summary>One run's loss curve (see the several-runs overload).</summary>
    public static GenericChart LossCurve(IReadOnlyList<double> values, string name = "training loss",
        string xLabel = AxisLabels.Epoch, string yLabel = AxisLabels.Cost, bool logY = false, string? title = "Loss",
        double xStart = 1, double xStep = 1) =>
        LossCurves([(name, values)], xLabel, yLabel, logY, title, xStart: xStart, xStep: xStep);
}
