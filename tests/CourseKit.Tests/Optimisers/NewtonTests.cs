using CourseKit.Optimisers;
using CourseKit.Surfaces;

namespace CourseKit.Tests.Optimisers;

/// <summary>Newton's method θ ← θ − H⁻¹∇J (the lecture “Optimisation: gradient descent and its variants”).</summary>
public class NewtonTests
{
    [Fact]
    public void Solves_a_quadratic_in_one_step()
    {
        // J = ½θᵀAθ − bᵀθ, A = [[4, 1], [1, 3]], b = (1, 2): θ* = A⁻¹b = (1/11)[[3, −1], [−1, 4]](1, 2) = (1/11, 7/11).
        var theta = new Parameter("θ", Tensor.From([5.0, -3.0]));
        var newton = new Newton([theta], () => Tensor.From(new double[,] { { 4, 1 }, { 1, 3 } }));
        // ∇J = Aθ − b at (5, −3): (20 − 3 − 1, 5 − 9 − 2) = (16, −6)
        theta.Grad[0] = 16; theta.Grad[1] = -6;
        newton.Step();
        Assert.Equal(1.0 / 11, theta.Value[0], 1e-14);
        Assert.Equal(7.0 / 11, theta.Value[1], 1e-14);
    }

    [Fact]
    public void Treats_several_parameters_as_one_vector()
    {
        // θ = (u, w) in two parameters, J = ½(2u² + 2uw + 2w²) − u; H = [[2, 1], [1, 2]], ∇J = (2u + w − 1, u + 2w).
        // Minimum: 2u + w = 1, u + 2w = 0 → u = 2/3, w = −1/3.
        Parameter u = new("u", Tensor.From([1.0])), w = new("w", Tensor.From([1.0]));
        var newton = new Newton([u, w], () => Tensor.From(new double[,] { { 2, 1 }, { 1, 2 } }));
        u.Grad[0] = 2 + 1 - 1; w.Grad[0] = 1 + 2;
        newton.Step();
        Assert.Equal(2.0 / 3, u.Value[0], 1e-14);
        Assert.Equal(-1.0 / 3, w.Value[0], 1e-14);
    }

    [Fact]
    public void Reaches_the_minimum_of_a_rotated_ill_conditioned_quadratic_in_one_step_where_GD_crawls()
    {
        var surface = new IllConditionedQuadratic(1000, angleDegrees: 30);
        var newton = Trajectory.Run(surface, p => new Newton([p]), 1);
        Assert.True(Math.Abs(newton.X[1]) < 1e-12 && Math.Abs(newton.Y[1]) < 1e-12, newton.ToString());
        var gd = Trajectory.Run(surface, p => new GradientDescent([p], 1.9 / 1000), 100);
        // GD's flat direction (curvature 1) shrinks by only (1 − 0.0019)^100 ≈ 0.83 in 100 steps
        double start = Math.Sqrt(gd.X[0] * gd.X[0] + gd.Y[0] * gd.Y[0]), end = Math.Sqrt(gd.X[^1] * gd.X[^1] + gd.Y[^1] * gd.Y[^1]);
        Assert.True(end > 0.4 * start, $"GD was expected to crawl at κ = 1000: {gd}");
    }

    [Fact]
    public void Refuses_an_indefinite_Hessian_by_default()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Trajectory.Run(new Saddle(), p => new Newton([p]), 1));
        Assert.Contains("not positive definite", ex.Message);
    }

    [Fact]
    public void Jumps_onto_the_saddle_when_allowed_to_solve_indefinite_systems()
    {
        // H = diag(2, −2), ∇J = (2x, −2y): H⁻¹∇J = (x, y), so one step lands exactly on the saddle point (0, 0).
        var path = Trajectory.Run(new Saddle(), p => new Newton([p], requirePositiveDefinite: false), 1);
        Assert.Equal(0, path.X[1], 1e-15);
        Assert.Equal(0, path.Y[1], 1e-15);
    }

    [Fact]
    public void Singular_Hessian_is_an_error_in_both_solvers()
    {
        var theta = new Parameter("θ", Tensor.From([1.0, 1.0]));
        var singular = Tensor.From(new double[,] { { 1, 2 }, { 2, 4 } });
        theta.Grad[0] = 1;
        var lu = Assert.Throws<InvalidOperationException>(() => new Newton([theta], () => singular, requirePositiveDefinite: false).Step());
        Assert.Contains("singular", lu.Message);
        var chol = Assert.Throws<InvalidOperationException>(() => new Newton([theta], () => singular).Step());
        Assert.Contains("not positive definite", chol.Message);
    }

    [Fact]
    public void Wrong_Hessian_shape_or_no_Hessian_is_explained()
    {
        var theta = new Parameter("θ", Tensor.From([1.0, 1.0]));
        var shape = Assert.Throws<ArgumentException>(() => new Newton([theta], () => Tensor.Eye(3)).Step());
        Assert.Contains("[2, 2]", shape.Message);
        Assert.Contains("[3, 3]", shape.Message);
        var none = Assert.Throws<InvalidOperationException>(() => new Newton([theta]).Step());
        Assert.Contains("Newton needs the Hessian", none.Message);
    }

    [Fact]
    public void Converges_quadratically_on_Rosenbrock()
    {
        // Pure Newton from Rosenbrock's start reaches (1, 1) in a handful of steps (GD needs thousands).
        var path = Trajectory.Run(new Rosenbrock(), p => new Newton([p]), 20);
        Assert.Equal(1, path.Final.X, 1e-10);
        Assert.Equal(1, path.Final.Y, 1e-10);
    }
}
