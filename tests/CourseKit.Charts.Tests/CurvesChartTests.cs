namespace CourseKit.Charts.Tests;

public class CurvesChartTests
{
    [Fact]
    public void Curves_keep_their_x_values_styles_and_colours_and_a_group_has_one_legend_entry()
    {
        var chart = Charts.Curves(
            [
                new Curve("fit 0", [0.0, 1, 3], [1.0, 2, 0]) { Style = CurveStyle.Thin, Group = "single fits" },
                new Curve("fit 1", [0.0, 1, 3], [0.5, 1, 1]) { Style = CurveStyle.Thin, Group = "single fits" },
                new Curve("average", [0.0, 1, 3], [0.75, 1.5, 0.5]) { Style = CurveStyle.Thick },
                new Curve("measured", [1.0], [2.0]) { Style = CurveStyle.Markers, Colour = 4 },
                new Curve("truth", [0.0, 3], [1.0, 1]) { Style = CurveStyle.Dotted },
            ], xLabel: "x", yLabel: "f", title: "fits");
        var fig = Figure.Of(chart);
        Assert.Equal(["single fits", "single fits", "average", "measured", "truth"], fig.Names);
        Assert.Equal([true, false, true, true, true], fig.Data.Select(t => t.GetProperty("showlegend").GetBoolean()));
        Assert.Equal([0.0, 1, 3], fig.Data[0].GetProperty("x").Doubles());
        Assert.Equal(fig.Data[0].Str("line", "color"), fig.Data[1].Str("line", "color"));
        Assert.Equal(Palette.Color(1), fig.Data[2].Str("line", "color"));
        Assert.Equal(4.0, fig.Data[2].At("line", "width").GetDouble());
        Assert.Equal("markers", fig.Data[3].Str("mode"));
        Assert.Equal(Palette.Color(4), fig.Data[3].Str("marker", "color"));
        Assert.Equal("dot", fig.Data[4].Str("line", "dash"));
        Assert.Equal("fits", fig.Layout.Str("title", "text"));
    }

    [Fact]
    public void A_marked_line_joins_its_markers_in_its_own_colour_at_its_own_x_values()
    {
        var fig = Figure.Of(Charts.Curves(
            [
                new Curve("B = 8", [1.0, 10], [2.0, 1]) { Style = CurveStyle.MarkedLine },
                new Curve("B = 256", [1.0, 3, 6], [2.5, 2, 1.5]) { Style = CurveStyle.MarkedLine },
            ], "updates", "loss", logX: true, logY: true));
        Assert.Equal(["lines+markers", "lines+markers"], fig.Data.Select(t => t.Str("mode")));
        Assert.Equal([1.0, 10], fig.Trace("B = 8").GetProperty("x").Doubles());
        Assert.Equal([2.5, 2, 1.5], fig.Trace("B = 256").GetProperty("y").Doubles());
        Assert.Equal(fig.Trace("B = 256").Str("line", "color"), fig.Trace("B = 256").Str("marker", "color"));
        Assert.NotEqual(fig.Trace("B = 8").Str("line", "color"), fig.Trace("B = 256").Str("line", "color"));
        Assert.Equal("solid", fig.Trace("B = 8").Str("line", "dash"));
    }

    [Fact]
    public void Linear_axes_by_default_and_a_line_without_markers()
    {
        var fig = Figure.Of(Charts.Curves([new Curve("A", [-1.0, 1], [0.0, 2])]));
        Assert.Equal("linear", fig.Layout.Str("xaxis", "type"));
        Assert.Equal("linear", fig.Layout.Str("yaxis", "type"));
        Assert.Equal("lines", fig.Trace("A").Str("mode"));
        Assert.False(fig.Trace("A").TryGetProperty("marker", out _));
    }

    [Fact]
    public void Log_axes_and_bands_are_drawn_with_labels_at_the_bands_geometric_middle()
    {
        var fig = Figure.Of(Charts.Curves([new Curve("test", [2.0, 40, 800], [0.5, 30, 0.1])], logX: true, logY: true,
            bands: [new Band(2, 30, "classical"), new Band(30, 55, "critical")]));
        Assert.Equal("log", fig.Layout.Str("xaxis", "type"));
        Assert.Equal("log", fig.Layout.Str("yaxis", "type"));
        var shapes = fig.Layout.GetProperty("shapes").EnumerateArray().ToArray();
        Assert.Equal([2.0, 30], [shapes[0].GetProperty("x0").GetDouble(), shapes[0].GetProperty("x1").GetDouble()]);
        var notes = fig.Layout.GetProperty("annotations").EnumerateArray().ToArray();
        Assert.Equal(["classical", "critical"], notes.Select(n => n.Str("text")));
        Assert.Equal(Math.Log10(Math.Sqrt(60)), notes[0].GetProperty("x").GetDouble(), 12);
    }

    [Fact]
    public void Bad_curves_and_bands_are_refused_with_what_was_expected()
    {
        Assert.Contains("at least one curve", Assert.Throws<ArgumentException>(() => Charts.Curves(Array.Empty<Curve>())).Message);
        Assert.Contains("2 x values but 1 y values", Assert.Throws<ArgumentException>(
            () => Charts.Curves([new Curve("c", [0.0, 1], [1.0])])).Message);
        Assert.Contains("log axis needs positive", Assert.Throws<ArgumentException>(
            () => Charts.Curves([new Curve("c", [0.0, 1], [1.0, 2])], logX: true)).Message);
        Assert.Contains("Band 'b'", Assert.Throws<ArgumentException>(
            () => Charts.Curves([new Curve("c", [1.0, 2], [1.0, 2])], bands: [new Band(3, 1, "b")])).Message);
    }
}
