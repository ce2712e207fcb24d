using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// Overlaid histograms of several samples, one per series, half transparent so that the overlaps show (notebook 12:
    /// the pre-activations at layers 1, 10 and 50 of a deep stack). With <paramref name="sharedBins"/> every series is
    /// counted in the same bins, so the heights compare; without, each series gets its own bins, for samples whose
    /// spreads differ by orders of magnitude. Non-finite values are left out.
    /// </summary>
    /// <example><code>Charts.Histograms([("layer 1", f1), ("layer 50", f50)], xLabel: "pre-activation f")</code></example>
    public static GenericChart Histograms(IEnumerable<(string Name, IReadOnlyList<double> Values)> series,
        string xLabel = "value", int bins = 60, bool sharedBins = true, string? title = null)
    {
        var list = Guard.NonEmpty(series, "series", nameof(series));
        Guard.AtLeast(bins, 1, nameof(bins));
        var traces = list.Select((s, k) =>
        {
            Guard.Values(s.Values, s.Name, nameof(series));
            return Dyn.Trace("histogram", ("name", s.Name), ("x", s.Values.Where(double.IsFinite).ToArray()),
                ("opacity", 0.55), ("nbinsx", bins), ("bingroup", sharedBins ? "shared" : $"series {k}"),
                ("marker", Dyn.Of(("color", Palette.Color(k)))));
        }).ToList();
        var layout = ChartStyle.Layout(title, ("barmode", "overlay"),
            ("xaxis", ChartStyle.Axis(xLabel)), ("yaxis", ChartStyle.Axis("count")));
        return ChartStyle.Chart(traces, layout);
    }
}
