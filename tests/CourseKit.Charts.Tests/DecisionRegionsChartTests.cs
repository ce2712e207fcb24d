namespace CourseKit.Charts.Tests;

public class DecisionRegionsChartTests
{
    private static readonly (double X, double Y)[] _points = [(-1, -1), (-1, 1), (1, -1), (1, 1), (0.5, 0.5)];
    private static readonly int[] _labels = [1, 0, 0, 1, 1];
    private static int Xor(double x, double y) => x * y > 0 ? 1 : 0;

    [Fact]
    public void Regions_are_the_classifier_on_the_grid_under_one_scatter_per_class()
    {
        var fig = Figure.Of(Charts.DecisionRegions(_points, _labels, Xor, xRange: (-2, 2), yRange: (-2, 2), resolution: 40,
            classNames: ["zero", "one"]));
        Assert.Equal(["heatmap", "scatter", "scatter"], fig.Types);
        Assert.Equal(["decision regions", "zero", "one"], fig.Names);
        var heat = fig.Data[0];
        var gx = heat.GetProperty("x").Doubles();
        var gy = heat.GetProperty("y").Doubles();
        var z = heat.GetProperty("z");
        Assert.Equal(40, z.GetArrayLength());
        Assert.All(z.EnumerateArray(), row => Assert.Equal(40, row.GetArrayLength()));
        foreach (var (i, j) in new[] { (0, 0), (39, 0), (5, 30), (30, 5), (39, 39) })
            Assert.Equal(Xor(gx[i], gy[j]), z[j][i].GetInt32());
        Assert.Equal(3, fig.Trace("one").GetProperty("x").GetArrayLength()); // (−1, −1), (1, 1), (0.5, 0.5)
        Assert.Equal(Palette.Color(0), fig.Trace("zero").Str("marker", "color"));
        Assert.Equal(Palette.Color(1), fig.Trace("one").Str("marker", "color"));
        Assert.Equal("x₁", fig.AxisTitle("xaxis"));
    }

    [Fact]
    public void Without_a_classifier_only_the_points_are_drawn_and_ranges_pad_the_data()
    {
        var fig = Figure.Of(Charts.DecisionRegions(_points, _labels));
        Assert.Equal(["scatter", "scatter"], fig.Types);
        Assert.Equal([-1.2, 1.2], fig.Layout.At("xaxis", "range").Doubles().Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void A_class_only_the_classifier_predicts_still_gets_its_colour_and_legend_entry()
    {
        var fig = Figure.Of(Charts.DecisionRegions(_points, _labels, (x, y) => x > 0.9 ? 2 : 0, resolution: 5));
        Assert.Equal(["decision regions", "class 0", "class 1", "class 2"], fig.Names);
        Assert.Equal(2.5, fig.Data[0].GetProperty("zmax").GetDouble());
    }

    [Fact]
    public void Bad_data_and_classifiers_are_refused()
    {
        Assert.Contains("5 points but 4 labels", Assert.Throws<ArgumentException>(() => Charts.DecisionRegions(_points, [0, 1, 0, 1])).Message);
        Assert.Contains("returned -1", Assert.Throws<ArgumentException>(() => Charts.DecisionRegions(_points, _labels, (x, y) => -1)).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => Charts.DecisionRegions([], [])).Message);
        Assert.Contains("min < max", Assert.Throws<ArgumentException>(() => Charts.DecisionRegions(_points, _labels, Xor, xRange: (1, 0))).Message);
        Assert.Contains("1 class names for 2 classes", Assert.Throws<ArgumentException>(() => Charts.DecisionRegions(_points, _labels, classNames: ["a"])).Message);
    }
}
