namespace CourseKit.Charts.Tests;

public class MarkersChartTests
{
    private static double Bowl(double x, double y) => x * x + y * y;

    [Fact]
    public void WithMarkers_appends_one_marker_only_trace_and_keeps_the_layout()
    {
        var contour = Charts.Contour(Bowl, (-3, 3), (-2, 2), [("A", [(-2.0, 1.0), (-1.0, 0.5)])], resolution: 11, title: "bowl");
        var fig = Figure.Of(Charts.WithMarkers(contour, "saddles", [(1, 2), (-0.5, 0.25)], symbol: "x", colourIndex: 2));
        Assert.Equal(["J(θ)", "A", "A start", "A end", "saddles"], fig.Names);
        var m = fig.Trace("saddles");
        Assert.Equal("scatter", m.Str("type"));
        Assert.Equal("markers", m.Str("mode"));
        Assert.Equal("x", m.Str("marker", "symbol"));
        Assert.Equal(Palette.Color(2), m.Str("marker", "color"));
        Assert.Equal([1.0, -0.5], m.GetProperty("x").Doubles());
        Assert.Equal([2.0, 0.25], m.GetProperty("y").Doubles());
        Assert.Equal("bowl", fig.Layout.Str("title", "text"));
        Assert.Equal([-3.0, 3], fig.Layout.At("xaxis", "range").Doubles());
    }

    [Fact]
    public void WithMarkers_rejects_an_empty_or_non_finite_point_list()
    {
        var contour = Charts.Contour(Bowl, (-1, 1), (-1, 1), resolution: 5);
        var empty = Assert.Throws<ArgumentException>(() => Charts.WithMarkers(contour, "minima", []));
        Assert.Contains("'minima' is empty", empty.Message);
        var nan = Assert.Throws<ArgumentException>(() => Charts.WithMarkers(contour, "minima", [(double.NaN, 0)]));
        Assert.Contains("non-finite point", nan.Message);
    }
}
