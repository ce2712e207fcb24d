namespace CourseKit.Charts.Tests;

public class FunctionPathsChartTests
{
    [Fact]
    public void The_curve_comes_first_then_each_path_at_its_points_on_the_curve()
    {
        double Q(double w) => (w - 3) * (w - 3);
        var fig = Figure.Of(Charts.FunctionPaths(Q, (-1, 5), [("A", [-1.0, 0.6, 1.56]), ("B", [5.0, 4.6])],
            fName: "Q(w)", xLabel: "w", samples: 7, title: "descent"));
        Assert.Equal(["Q(w)", "A", "B"], fig.Names);
        Assert.Equal([-1.0, 0, 1, 2, 3, 4, 5], fig.Data[0].GetProperty("x").Doubles());
        Assert.Equal([16.0, 9, 4, 1, 0, 1, 4], fig.Data[0].GetProperty("y").Doubles());
        var a = fig.Trace("A");
        Assert.Equal("lines+markers", a.Str("mode"));
        Assert.Equal([-1.0, 0.6, 1.56], a.GetProperty("x").Doubles());
        Assert.Equal(new[] { -1.0, 0.6, 1.56 }.Select(Q), a.GetProperty("y").Doubles());
        Assert.NotEqual(a.Str("marker", "color"), fig.Trace("B").Str("marker", "color"));
        Assert.Equal([-1.0, 5], fig.Layout.At("xaxis", "range").Doubles());
        Assert.Equal("w", fig.AxisTitle("xaxis"));
        Assert.Equal("descent", fig.Layout.Str("title", "text"));
    }

    [Fact]
    public void No_paths_an_empty_path_or_a_bad_range_are_refused()
    {
        Assert.Contains("min < max", Assert.Throws<ArgumentException>(() => Charts.FunctionPaths(x => x, (1, 1), [("A", [0.0])])).Message);
        Assert.Contains("at least one path", Assert.Throws<ArgumentException>(() => Charts.FunctionPaths(x => x, (0, 1), [])).Message);
        Assert.Contains("'A' is empty", Assert.Throws<ArgumentException>(() => Charts.FunctionPaths(x => x, (0, 1), [("A", [])])).Message);
    }
}
