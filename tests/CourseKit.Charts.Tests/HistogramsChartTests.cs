namespace CourseKit.Charts.Tests;

public class HistogramsChartTests
{
    [Fact]
    public void Samples_are_overlaid_histograms_with_their_values_colours_and_bins()
    {
        var fig = Figure.Of(Charts.Histograms(
            [new HistogramSample("unit 0", [1.0, 2, 2, 3]), new HistogramSample("unit 5", [-1.0, 0.5])],
            xLabel: "s", title: "before", bins: 25));
        Assert.Equal(["histogram", "histogram"], fig.Types);
        Assert.Equal(["unit 0", "unit 5"], fig.Names);
        Assert.Equal([1.0, 2, 2, 3], fig.Trace("unit 0").GetProperty("x").Doubles());
        Assert.Equal(25, fig.Trace("unit 5").GetProperty("nbinsx").GetInt32());
        Assert.Equal(Palette.Color(1), fig.Trace("unit 5").Str("marker", "color"));
        Assert.NotEqual(fig.Data[0].Str("bingroup"), fig.Data[1].Str("bingroup"));
        Assert.Equal("overlay", fig.Layout.Str("barmode"));
        Assert.Equal("s", fig.AxisTitle("xaxis"));
        Assert.Equal("count", fig.AxisTitle("yaxis"));
        Assert.Equal("before", fig.Layout.Str("title", "text"));
    }

    [Fact]
    public void Shared_bins_put_every_sample_in_one_bin_group()
    {
        var fig = Figure.Of(Charts.Histograms([new HistogramSample("a", [1.0]), new HistogramSample("b", [2.0])], sharedBins: true));
        Assert.Equal(fig.Data[0].Str("bingroup"), fig.Data[1].Str("bingroup"));
    }

    [Fact]
    public void Bad_samples_are_refused_with_their_name()
    {
        Assert.Throws<ArgumentException>(() => Charts.Histograms([]));
        var empty = Assert.Throws<ArgumentException>(() => Charts.Histograms([new HistogramSample("layer 3", [])]));
        Assert.Contains("layer 3", empty.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<ArgumentException>(() => Charts.Histograms([new HistogramSample("unit 2", [1.0, double.NaN])]));
        Assert.Contains("unit 2", nan.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Charts.Histograms([new HistogramSample("a", [1.0])], bins: 0));
    }
}
