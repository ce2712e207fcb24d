namespace CourseKit.Charts.Tests;

public class CurvesShortFormTests
{
    private static readonly double[] _t = [1, 10, 100];

    [Fact]
    public void Each_curve_keeps_its_own_x_and_y_and_name()
    {
        var fig = Figure.Of(Charts.Curves([("a", _t, [1.0, 0.1, 0.01]), ("b", [2.0, 3.0], [5.0, 6.0])], "step t", "|Δθ|"));
        Assert.Equal(["a", "b"], fig.Names);
        Assert.Equal(_t, fig.Data[0].GetProperty("x").Doubles());
        Assert.Equal([2.0, 3.0], fig.Data[1].GetProperty("x").Doubles());
        Assert.Equal([5.0, 6.0], fig.Data[1].GetProperty("y").Doubles());
        Assert.Equal("step t", fig.AxisTitle("xaxis"));
        Assert.Equal("|Δθ|", fig.AxisTitle("yaxis"));
        Assert.NotEqual(fig.Data[0].Str("line", "color"), fig.Data[1].Str("line", "color"));
    }

    [Fact]
    public void Log_axes_and_dotted_references_are_as_asked()
    {
        var fig = Figure.Of(Charts.Curves([("run", _t, [3.0, 2, 1]), ("law", _t, [1.0, 1, 1])], "t", "y",
            logX: true, logY: false, dotted: ["law"]));
        Assert.Equal("log", fig.Layout.Str("xaxis", "type"));
        Assert.Equal("linear", fig.Layout.Str("yaxis", "type"));
        Assert.Equal("solid", fig.Trace("run").Str("line", "dash"));
        Assert.Equal("dot", fig.Trace("law").Str("line", "dash"));
    }

    [Fact]
    public void Mismatched_lengths_and_non_positive_values_on_a_log_axis_are_refused_by_name()
    {
        var lengths = Assert.Throws<ArgumentException>(() => Charts.Curves([("short", _t, [1.0, 2.0])], "t", "y"));
        Assert.Contains("'short' has 3 x values but 2 y values", lengths.Message, StringComparison.Ordinal);
        var log = Assert.Throws<ArgumentException>(() => Charts.Curves([("zero", _t, [1.0, 0.0, 2.0])], "t", "y", logY: true));
        Assert.Contains("Curve 'zero' has (10, 0) at index 1", log.Message, StringComparison.Ordinal);
    }
}
