using Plotly.NET;

namespace CourseKit.Charts;

public static partial class Charts
{
    /// <summary>
    /// Overlaid, translucent histograms of several samples, one colour each: how a normalisation moves three
    /// units' distributions onto one another, how an initialisation keeps the spread of a layer's outputs.
    /// </summary>
    /// <param name="samples">The samples, in legend order.</param>
    /// <param name="xLabel">The x axis: what the values are.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="bins">About how many bins each histogram gets (plotly.js rounds the width to a nice number).</param>
    /// <param name="sharedBins">One set of bins for every sample, so the counts compare bar by bar; off when the
    /// samples' widths differ by orders of magnitude (each then gets its own bins and stays visible).</param>
    /// <example><code>Charts.Histograms([new("unit 0", s.Column(0).ToArray()), new("unit 5", s.Column(5).ToArray())], "s")</code></example>
    /// <exception cref="ArgumentException">No samples, an empty sample, a value that is not finite, or fewer than 1 bin.</exception>
    public static GenericChart Histograms(IEnumerable<HistogramSample> samples, string xLabel = AxisLabels.X, string? title = null,
        int bins = 40, bool sharedBins = false)
    {
        var list = Guard.NonEmpty(samples, "sample", nameof(samples));
        Guard.AtLeast(bins, 1, nameof(bins));
        var traces = new List<Trace>();
        foreach (var (sample, k) in list.Select((s, k) => (s, k)))
        {
            Guard.NotNull(sample, nameof(samples));
            Guard.Values(sample.Values, sample.Name, nameof(samples));
            if (sample.Values.Any(v => !double.IsFinite(v)))
                throw new ArgumentException($"Sample '{sample.Name}' holds a value that is not a finite number; expected finite values to count.", nameof(samples));
            traces.Add(Dyn.Trace("histogram", ("name", sample.Name), ("x", sample.Values.ToArray()), ("nbinsx", bins),
                ("opacity", 0.55), ("marker", Dyn.Of(("color", Palette.Color(k)))),
                ("bingroup", sharedBins ? "shared" : $"sample {k}")));
        }
        var layout = ChartStyle.Layout(title, ("barmode", "overlay"),
            ("xaxis", ChartStyle.Axis(xLabel)), ("yaxis", ChartStyle.Axis("count")));
        return ChartStyle.Chart(traces, layout);
    }
}
