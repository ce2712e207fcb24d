namespace CourseKit.Charts.Tests;

public class HistogramsChartTests
{
    [Fact]
    public void Histograms_overlays_one_histogram_per_series_in_shared_bins()
    {
        var fig = Figure.Of(Charts.Histograms([("wide", [1.0, 2, 3]), ("narrow", [0.5, double.NaN, 0.25])],
            xLabel: "f", bins: 20, title: "spread"));
        Assert.Equal(["wide", "narrow"], fig.Names);
        Assert.Equal(["histogram", "histogram"], fig.Types);
        Assert.Equal([0.5, 0.25], fig.Trace("narrow").GetProperty("x").Doubles());
        Assert.Equal(20, fig.Trace("wide").GetProperty("nbinsx").GetInt32());
        Assert.Equal(fig.Trace("wide").Str("bingroup"), fig.Trace("narrow").Str("bingroup"));
        Assert.Equal(Palette.Color(1), fig.Trace("narrow").Str("marker", "color"));
        Assert.Equal("overlay", fig.Layout.Str("barmode"));
        Assert.Equal("f", fig.AxisTitle("xaxis"));
        Assert.Equal("count", fig.AxisTitle("yaxis"));
        Assert.Equal("spread", fig.Layout.Str("title", "text"));
    }

    [Fact]
    public void Histograms_without_shared_bins_gives_each_series_its_own()
    {
        var fig = Figure.Of(Charts.Histograms([("a", [1.0, 2]), ("b", [1e-6, 2e-6])], sharedBins: false));
        Assert.NotEqual(fig.Trace("a").Str("bingroup"), fig.Trace("b").Str("bingroup"));
    }

    [Fact]
    public void Histograms_rejects_no_series_and_a_series_without_numbers()
    {
        Assert.Throws<ArgumentException>(() => Charts.Histograms([]));
        var nan = Assert.Throws<ArgumentException>(() => Charts.Histograms([("empty", [double.NaN])]));
        Assert.Contains("'empty'", nan.Message);
    }
}
