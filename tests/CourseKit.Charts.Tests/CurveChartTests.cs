namespace CourseKit.Charts.Tests;

public class CurveChartTests
{
    [Fact]
    public void WithCurve_appends_one_line_trace_with_its_style_and_keeps_the_layout()
    {
        var fit = Charts.Fit([(0, 0), (1, 1), (2, 4)], x => x * x, xRange: (0, 2), samples: 5, title: "squares");
        var fig = Figure.Of(Charts.WithCurve(fit, "lower edge", [(0, -1), (1, 0), (2, 3)], colourIndex: 3, dashed: true,
            width: 1.5, showLegend: false));
        Assert.Equal(["data", "model", "lower edge"], fig.Names);
        var c = fig.Trace("lower edge");
        Assert.Equal("lines", c.Str("mode"));
        Assert.Equal(Palette.Color(3), c.Str("line", "color"));
        Assert.Equal("dash", c.Str("line", "dash"));
        Assert.Equal(1.5, c.At("line", "width").GetDouble());
        Assert.False(c.GetProperty("showlegend").GetBoolean());
        Assert.Equal([0.0, 1, 2], c.GetProperty("x").Doubles());
        Assert.Equal([-1.0, 0, 3], c.GetProperty("y").Doubles());
        Assert.Equal("squares", fig.Layout.Str("title", "text"));
        Assert.Equal([0.0, 2], fig.Layout.At("xaxis", "range").Doubles());
    }

    [Fact]
    public void WithCurve_rejects_no_points_and_a_non_positive_width()
    {
        var fit = Charts.Fit([(0, 0), (1, 1)], x => x, samples: 3);
        Assert.Throws<ArgumentException>(() => Charts.WithCurve(fit, "empty", []));
        var width = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.WithCurve(fit, "c", [(0, 0)], width: 0));
        Assert.Contains("positive finite", width.Message);
    }
}
