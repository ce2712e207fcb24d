namespace CourseKit.Charts.Tests;

public class XYCurvesChartTests
{
    [Fact]
    public void Each_series_keeps_its_own_x_values_and_log_axes_are_set_when_asked()
    {
        var fig = Figure.Of(Charts.XYCurves([("B = 8", [(1.0, 2.0), (10, 1)]), ("B = 256", [(1.0, 2.5), (3, 2), (6, 1.5)])],
            "updates", "loss", logX: true, logY: true, title: "by updates"));
        Assert.Equal(["B = 8", "B = 256"], fig.Names);
        Assert.Equal([1.0, 10], fig.Trace("B = 8").GetProperty("x").Doubles());
        Assert.Equal([2.5, 2, 1.5], fig.Trace("B = 256").GetProperty("y").Doubles());
        Assert.Equal("lines+markers", fig.Trace("B = 8").Str("mode"));
        Assert.NotEqual(fig.Trace("B = 8").Str("line", "color"), fig.Trace("B = 256").Str("line", "color"));
        Assert.Equal("log", fig.Layout.Str("xaxis", "type"));
        Assert.Equal("log", fig.Layout.Str("yaxis", "type"));
        Assert.Equal("updates", fig.AxisTitle("xaxis"));
        Assert.Equal("by updates", fig.Layout.Str("title", "text"));
    }

    [Fact]
    public void Linear_axes_by_default_and_non_positive_values_on_a_log_axis_are_refused()
    {
        var fig = Figure.Of(Charts.XYCurves([("A", [(-1.0, 0.0), (1, 2)])], markers: false));
        Assert.False(fig.Layout.GetProperty("xaxis").TryGetProperty("type", out _));
        Assert.Equal("lines", fig.Trace("A").Str("mode"));
        var x = Assert.Throws<ArgumentException>(() => Charts.XYCurves([("A", [(0.0, 1.0)])], logX: true));
        Assert.Contains("'A' has an x ≤ 0", x.Message);
        var y = Assert.Throws<ArgumentException>(() => Charts.XYCurves([("A", [(1.0, -1.0)])], logY: true));
        Assert.Contains("'A' has a y ≤ 0", y.Message);
        Assert.Throws<ArgumentException>(() => Charts.XYCurves([]));
    }
}
