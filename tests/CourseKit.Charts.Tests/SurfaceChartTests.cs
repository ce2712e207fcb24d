namespace CourseKit.Charts.Tests;

public class SurfaceChartTests
{
    private static double Bowl(double x, double y) => x * x + y * y;

    [Fact]
    public void Surface_with_a_path_lifts_the_path_onto_z_equals_f()
    {
        (double X, double Y)[] path = [(2, 2), (1, 1), (0.5, 0.2)];
        var fig = Figure.Of(Charts.Surface(Bowl, (-2, 2), (-2, 2), [("GD", path)], resolution: 9));
        Assert.Equal(["surface", "scatter3d", "scatter3d", "scatter3d"], fig.Types);
        Assert.Equal(["J(θ)", "GD", "GD start", "GD end"], fig.Names);
        Assert.Equal(9, fig.Data[0].GetProperty("z").GetArrayLength());
        var z = fig.Trace("GD").GetProperty("z").Doubles();
        double lift = 0.01 * (8 - 0); // 1 % of the surface's height on the grid: max 8 at the corners, min 0
        for (int i = 0; i < path.Length; i++) Assert.Equal(Bowl(path[i].X, path[i].Y) + lift, z[i], 12);
        Assert.Equal("circle", fig.Trace("GD start").Str("marker", "symbol"));
        Assert.Equal("diamond", fig.Trace("GD end").Str("marker", "symbol"));
        Assert.Equal("θ₁", fig.Layout.Str("scene", "xaxis", "title", "text"));
        Assert.Equal("J(θ)", fig.Layout.Str("scene", "zaxis", "title", "text"));
    }

    [Fact]
    public void Surface_refuses_an_empty_path_and_a_nowhere_finite_function()
    {
        Assert.Contains("is empty", Assert.Throws<ArgumentException>(() =>
            Charts.Surface(Bowl, (-1, 1), (-1, 1), [("p", Array.Empty<(double, double)>())])).Message);
        Assert.Contains("NaN or ±∞ at every one", Assert.Throws<ArgumentException>(() =>
            Charts.Surface((x, y) => double.PositiveInfinity, (-1, 1), (-1, 1))).Message);
    }
}
