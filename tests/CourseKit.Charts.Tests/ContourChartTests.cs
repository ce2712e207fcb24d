using System.Text.Json;

namespace CourseKit.Charts.Tests;

public class ContourChartTests
{
    private static double Bowl(double x, double y) => x * x + 10 * y * y;
    private static readonly (double X, double Y)[] _pathA = [(-2, 1), (-1, 0.5), (-0.5, 0.1)];
    private static readonly (double X, double Y)[] _pathB = [(2, -1), (1, -0.2)];

    [Fact]
    public void Contour_with_two_paths_has_a_line_start_and_end_per_path()
    {
        var fig = Figure.Of(Charts.Contour(Bowl, (-3, 3), (-2, 2), [("A", _pathA), ("B", _pathB)], resolution: 21));
        Assert.Equal(["contour", "scatter", "scatter", "scatter", "scatter", "scatter", "scatter"], fig.Types);
        Assert.Equal(["J(θ)", "A", "A start", "A end", "B", "B start", "B end"], fig.Names);
        Assert.Equal("θ₁", fig.AxisTitle("xaxis"));
        Assert.Equal("θ₂", fig.AxisTitle("yaxis"));
        Assert.Equal([-3.0, 3], fig.Layout.At("xaxis", "range").Doubles());

        var start = fig.Trace("A start");
        Assert.Equal("circle", start.Str("marker", "symbol"));
        Assert.Equal([-2.0], start.GetProperty("x").Doubles());
        Assert.Equal([1.0], start.GetProperty("y").Doubles());
        var end = fig.Trace("B end");
        Assert.Equal("star", end.Str("marker", "symbol"));
        Assert.Equal([1.0], end.GetProperty("x").Doubles());
        Assert.Equal([-0.2], end.GetProperty("y").Doubles());
        Assert.Equal(fig.Trace("B").Str("line", "color"), end.Str("marker", "color"));
        Assert.Equal(_pathA.Select(p => p.X), fig.Trace("A").GetProperty("x").Doubles());
    }

    [Fact]
    public void Contour_grid_is_the_function_on_a_resolution_squared_grid()
    {
        var fig = Figure.Of(Charts.Contour(Bowl, (-3, 3), (-2, 2), resolution: 11));
        var c = fig.Data[0];
        var x = c.GetProperty("x").Doubles();
        var y = c.GetProperty("y").Doubles();
        var z = c.GetProperty("z");
        Assert.Equal(11, x.Length);
        Assert.Equal(11, z.GetArrayLength());
        Assert.Equal(11, z[0].GetArrayLength());
        Assert.Equal(Bowl(x[3], y[7]), z[7][3].GetDouble(), 12); // rows are y
        Assert.False(fig.Layout.GetProperty("yaxis").TryGetProperty("scaleanchor", out _));
    }

    [Fact]
    public void Equal_aspect_anchors_the_y_scale_to_x()
    {
        var fig = Figure.Of(Charts.Contour(Bowl, (-3, 3), (-2, 2), resolution: 5, equalAspect: true));
        Assert.Equal("x", fig.Layout.Str("yaxis", "scaleanchor"));
        Assert.Equal(1, fig.Layout.At("yaxis", "scaleratio").GetDouble());
    }

    [Fact]
    public void Log_levels_contour_log10_of_one_plus_J_minus_its_minimum_and_label_the_bar_in_J()
    {
        static double Rosenbrock(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        var fig = Figure.Of(Charts.Contour(Rosenbrock, (-2, 2), (-1, 3), resolution: 5, logLevels: true, minimum: (1, 1)));
        var c = fig.Data[0];
        // grid points: x = −2, −1, 0, 1, 2 and y = −1, 0, 1, 2, 3 contain (1, 1) where J = 0 = Jmin
        Assert.Equal(Math.Log10(1 + Rosenbrock(-2, -1)), c.GetProperty("z")[0][0].GetDouble(), 12);
        Assert.Equal(0.0, c.GetProperty("z")[2][3].GetDouble(), 12);
        Assert.Equal(6, c.At("colorbar", "ticktext").GetArrayLength());
        Assert.Equal("0", c.At("colorbar", "ticktext")[0].GetString());
        Assert.Contains("log", c.Str("colorbar", "title", "text"));
        Assert.Equal("minimum", fig.Names[^1]);
    }

    [Fact]
    public void Points_where_f_is_not_finite_become_gaps()
    {
        var fig = Figure.Of(Charts.Contour((x, y) => x > 0 ? double.NaN : x + y, (-1, 1), (-1, 1), resolution: 3));
        var z = fig.Data[0].GetProperty("z");
        Assert.Equal(JsonValueKind.Null, z[0][2].ValueKind);
        Assert.Equal(-2.0, z[0][0].GetDouble());
    }

    [Fact]
    public void Bad_input_is_refused_with_a_message_that_says_what_was_wrong()
    {
        Assert.Contains("Path 'A' is empty", Assert.Throws<ArgumentException>(() =>
            Charts.Contour(Bowl, (-1, 1), (-1, 1), [("A", Array.Empty<(double, double)>())])).Message);
        Assert.Contains("xRange must have min < max", Assert.Throws<ArgumentException>(() =>
            Charts.Contour(Bowl, (2, 1), (-1, 1))).Message);
        Assert.Contains("yRange must have min < max", Assert.Throws<ArgumentException>(() =>
            Charts.Contour(Bowl, (-1, 1), (0, 0))).Message);
        Assert.Contains("NaN or ±∞ at every one of the 5×5 grid points", Assert.Throws<ArgumentException>(() =>
            Charts.Contour((x, y) => double.NaN, (-1, 1), (-1, 1), resolution: 5)).Message);
        Assert.Contains("non-finite point", Assert.Throws<ArgumentException>(() =>
            Charts.Contour(Bowl, (-1, 1), (-1, 1), [("A", [(0.0, 0.0), (double.NaN, 1.0)])])).Message);
    }
}
