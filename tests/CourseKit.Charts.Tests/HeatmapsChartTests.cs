namespace CourseKit.Charts.Tests;

public class HeatmapsChartTests
{
    [Fact]
    public void Panels_sit_side_by_side_with_their_rows_top_down_and_their_titles()
    {
        var fig = Figure.Of(Charts.Heatmaps(
            [new HeatmapPanel("digit", new double[,] { { 0, 1 }, { 2, 3 } }), new HeatmapPanel("kernel", new double[,] { { -2, 1 } })],
            "row"));
        Assert.Equal(["heatmap", "heatmap"], fig.Types);
        Assert.Equal([0.0, 1], fig.Data[0].GetProperty("z")[0].Doubles());
        Assert.Equal([2.0, 3], fig.Data[0].GetProperty("z")[1].Doubles());
        Assert.Equal(["x", "x2"], fig.Data.Select(t => t.Str("xaxis")));
        Assert.Equal(["y", "y2"], fig.Data.Select(t => t.Str("yaxis")));
        Assert.Equal("reversed", fig.Layout.Str("yaxis2", "autorange"));
        var first = fig.Layout.At("xaxis", "domain").Doubles();
        var second = fig.Layout.At("xaxis2", "domain").Doubles();
        Assert.True(first[1] < second[0], "the second panel lies to the right of the first");
        Assert.Equal(["digit", "kernel"], fig.Layout.GetProperty("annotations").EnumerateArray().Select(a => a.Str("text")));
        Assert.Equal("row", fig.Layout.Str("title", "text"));
    }

    [Fact]
    public void Diverging_panels_are_scaled_symmetrically_around_zero_each_on_its_own()
    {
        var fig = Figure.Of(Charts.Heatmaps(
            [new HeatmapPanel("a", new double[,] { { -2, 1 } }), new HeatmapPanel("b", new double[,] { { 0.5, 0.25 } })], diverging: true));
        Assert.Equal(-2, fig.Data[0].GetProperty("zmin").GetDouble());
        Assert.Equal(2, fig.Data[0].GetProperty("zmax").GetDouble());
        Assert.Equal(0.5, fig.Data[1].GetProperty("zmax").GetDouble());
        Assert.False(Figure.Of(Charts.Heatmaps([new HeatmapPanel("a", new double[,] { { 1 } })])).Data[0].TryGetProperty("zmin", out _));
    }

    [Fact]
    public void Bad_panels_are_refused_with_their_title()
    {
        Assert.Throws<ArgumentException>(() => Charts.Heatmaps([]));
        var empty = Assert.Throws<ArgumentException>(() => Charts.Heatmaps([new HeatmapPanel("map 3", new double[0, 2])]));
        Assert.Contains("map 3", empty.Message, StringComparison.Ordinal);
        var nan = Assert.Throws<ArgumentException>(() => Charts.Heatmaps([new HeatmapPanel("k", new double[,] { { double.NaN } })]));
        Assert.Contains("'k'", nan.Message, StringComparison.Ordinal);
    }
}
