using CourseKit.Surfaces;

namespace CourseKit.Tests.Surfaces;

/// <summary>Gradients and Hessians of the test surfaces against central differences; the known minima.</summary>
public class SurfaceTests
{
    public static TheoryData<Surface> All =>
    [
        new Quadratic(1.5, 4), new IllConditionedQuadratic(50), new IllConditionedQuadratic(10, angleDegrees: 30),
        new Rosenbrock(), new Rosenbrock(a: 2, b: 10), new Saddle(), new MonkeySaddle(), new Himmelblau(), new Beale(),
    ];

    private const double H = 1e-5;

    /// <summary>Compares with a relative error, floored at <paramref name="scale"/> for values near zero.</summary>
    private static void Near(double expected, double actual, double scale, string what)
    {
        double err = Math.Abs(expected - actual) / Math.Max(Math.Max(Math.Abs(expected), Math.Abs(actual)), scale);
        Assert.True(err < 1e-7, $"{what}: analytic {actual:R}, numeric {expected:R}, relative error {err:E2}");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Gradient_matches_central_differences_of_the_value(Surface s)
    {
        var rng = new Random(2024);
        for (int n = 0; n < 25; n++)
        {
            var r = s.Range;
            double x = r.XMin + (r.XMax - r.XMin) * rng.NextDouble(), y = r.YMin + (r.YMax - r.YMin) * rng.NextDouble();
            var (gx, gy) = s.Gradient(x, y);
            double nx = (s.Value(x + H, y) - s.Value(x - H, y)) / (2 * H);
            double ny = (s.Value(x, y + H) - s.Value(x, y - H)) / (2 * H);
            double scale = 1e-3 * Math.Max(1, Math.Abs(s.Value(x, y))); // cancellation floor near stationary points
            Near(nx, gx, scale, $"{s.Name} ∂J/∂x at ({x}, {y})");
            Near(ny, gy, scale, $"{s.Name} ∂J/∂y at ({x}, {y})");
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Hessian_matches_central_differences_of_the_gradient(Surface s)
    {
        var rng = new Random(7);
        for (int n = 0; n < 25; n++)
        {
            var r = s.Range;
            double x = r.XMin + (r.XMax - r.XMin) * rng.NextDouble(), y = r.YMin + (r.YMax - r.YMin) * rng.NextDouble();
            var h = s.Hessian(x, y);
            var (gxp, gyp) = s.Gradient(x + H, y);
            var (gxm, gym) = s.Gradient(x - H, y);
            var (gxq, gyq) = s.Gradient(x, y + H);
            var (gxn, gyn) = s.Gradient(x, y - H);
            double scale = 1e-2 * Math.Max(1, Math.Abs(h[0, 0]) + Math.Abs(h[1, 1]) + Math.Abs(h[0, 1]));
            Near((gxp - gxm) / (2 * H), h[0, 0], scale, $"{s.Name} ∂²J/∂x² at ({x}, {y})");
            Near((gyp - gym) / (2 * H), h[1, 0], scale, $"{s.Name} ∂²J/∂y∂x at ({x}, {y})");
            Near((gxq - gxn) / (2 * H), h[0, 1], scale, $"{s.Name} ∂²J/∂x∂y at ({x}, {y})");
            Near((gyq - gyn) / (2 * H), h[1, 1], scale, $"{s.Name} ∂²J/∂y² at ({x}, {y})");
            Assert.Equal(h[0, 1], h[1, 0]);
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Known_minima_have_zero_gradient_the_minimum_value_and_a_positive_definite_Hessian(Surface s)
    {
        foreach (var (x, y) in s.Minima)
        {
            var (gx, gy) = s.Gradient(x, y);
            Assert.True(Math.Sqrt(gx * gx + gy * gy) < 1e-12, $"{s.Name}: ‖∇J({x}, {y})‖ = {Math.Sqrt(gx * gx + gy * gy):E2}");
            Assert.NotNull(s.MinimumValue);
            Assert.Equal(s.MinimumValue.Value, s.Value(x, y), 1e-24);
            var h = s.Hessian(x, y);
            Assert.True(h[0, 0] > 0 && h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0] > 0, $"{s.Name}: Hessian at ({x}, {y}) is not positive definite");
        }
    }

    [Fact]
    public void Minima_are_where_the_literature_puts_them()
    {
        Assert.Equal([(0.0, 0.0)], new Quadratic().Minima);
        Assert.Equal([(1.0, 1.0)], new Rosenbrock().Minima);
        Assert.Equal([(2.0, 4.0)], new Rosenbrock(a: 2).Minima);
        Assert.Equal([(3.0, 0.5)], new Beale().Minima);
        Assert.Equal(4, new Himmelblau().Minima.Count);
        Assert.Equal(0, new Himmelblau().Value(3, 2)); // (9 + 2 − 11)² + (3 + 4 − 7)²
        Assert.Empty(new Saddle().Minima);
        Assert.Null(new MonkeySaddle().MinimumValue);
    }

    [Fact]
    public void Saddles_have_a_stationary_point_that_is_not_a_minimum()
    {
        Assert.Equal((0.0, 0.0), new Saddle().Gradient(0, 0));
        var h = new Saddle().Hessian(0, 0);
        Assert.True(h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0] < 0, "x² − y² has an indefinite Hessian (det < 0)");
        Assert.Equal((0.0, 0.0), new MonkeySaddle().Gradient(0, 0));
        Assert.Equal(new double[,] { { 0, 0 }, { 0, 0 } }, new MonkeySaddle().Hessian(0, 0));
        Assert.True(new MonkeySaddle().Value(-0.1, 0) < 0 && new MonkeySaddle().Value(0.1, 0) > 0);
    }

    [Fact]
    public void IllConditionedQuadratic_has_eigenvalues_one_and_kappa_at_any_angle()
    {
        foreach (double angle in new[] { 0.0, 30, 45, 90 })
        {
            var h = new IllConditionedQuadratic(25, angle).Hessian(0.3, -0.7);
            double trace = h[0, 0] + h[1, 1], det = h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0];
            Assert.Equal(26, trace, 1e-12); // 1 + κ
            Assert.Equal(25, det, 1e-12);   // 1·κ
        }
        // θ = 0: the steep direction is y, J = ½(x² + 25y²)
        Assert.Equal(0.5 * (4 + 25 * 9), new IllConditionedQuadratic(25).Value(2, 3), 1e-12);
    }

    [Fact]
    public void Quadratic_values_follow_the_formula()
    {
        // ½(a x² + b y²), a = 2, b = 3 at (1, 2): ½(2 + 12) = 7
        Assert.Equal(7, new Quadratic(2, 3).Value(1, 2));
        // Rosenbrock at (0, 0): (1 − 0)² + 100·0 = 1; Beale at (0, 0): 1.5² + 2.25² + 2.625² = 14.203125
        Assert.Equal(1, new Rosenbrock().Value(0, 0));
        Assert.Equal(14.203125, new Beale().Value(0, 0), 1e-12);
        // Himmelblau at (0, 0): 121 + 49 = 170
        Assert.Equal(170, new Himmelblau().Value(0, 0));
    }

    [Fact]
    public void Grid_samples_the_value_with_rows_along_y()
    {
        var s = new Rosenbrock();
        var grid = s.Grid(5, new PlotRange(-1, 1, 0, 2));
        Assert.Equal([-1, -0.5, 0, 0.5, 1], grid.Xs);
        Assert.Equal([0, 0.5, 1, 1.5, 2], grid.Ys);
        Assert.Equal(s.Value(grid.Xs[1], grid.Ys[3]), grid.Z[3, 1]);
    }

    [Fact]
    public void Bad_input_is_explained()
    {
        Assert.Contains("must be a positive finite number", Assert.ThrowsAny<ArgumentException>(() => new Quadratic(0, 1)).Message);
        Assert.Contains("≥ 1", Assert.ThrowsAny<ArgumentException>(() => new IllConditionedQuadratic(0.5)).Message);
        Assert.Contains("2 coordinates", Assert.Throws<ArgumentException>(() => new Saddle().Value([1.0, 2.0, 3.0])).Message);
        Assert.Contains("at least 2 points", Assert.ThrowsAny<ArgumentException>(() => new Saddle().Grid(1)).Message);
    }
}
