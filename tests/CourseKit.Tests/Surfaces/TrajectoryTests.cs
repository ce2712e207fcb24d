using CourseKit.Optimisers;
using CourseKit.Stopping;
using CourseKit.Surfaces;

namespace CourseKit.Tests.Surfaces;

/// <summary>The trajectory runner drives the library's optimisers over a surface.</summary>
public class TrajectoryTests
{
    [Fact]
    public void Records_the_start_and_every_step()
    {
        // GD, η = 0.25 on ½(x² + y²) from (2, −1): each step multiplies the point by 0.75
        var path = Trajectory.Run(new Quadratic(), p => new GradientDescent([p], 0.25), 3, start: (2, -1));
        Assert.Equal(3, path.Steps);
        Assert.Equal([2, 1.5, 1.125, 0.84375], path.X);
        Assert.Equal([-1, -0.75, -0.5625, -0.421875], path.Y);
        Assert.Equal((1.5, -0.75), path.Points[1]);
        Assert.Equal(0.5 * (4 + 1), path.Values[0]);
        Assert.Equal(Math.Sqrt(1.5 * 1.5 + 0.75 * 0.75), path.GradientNorms[1], 1e-15);
        Assert.Equal("reached the step limit of 3", path.StopReason);
        Assert.Contains("GradientDescent(η = 0.25)", path.ToString());
    }

    [Fact]
    public void Stops_when_a_stopping_criterion_fires()
    {
        // ‖∇J‖ = 0.75^k·‖∇J(θ0)‖ ≤ 1e-3·‖∇J(θ0)‖ first at k = ⌈ln 1e-3 / ln 0.75⌉ = ⌈24.01⌉ = 25
        var path = Trajectory.Run(new Quadratic(), p => new GradientDescent([p], 0.25), 1000, new RelativeGradient(1e-3));
        Assert.Equal(25, path.Steps);
        Assert.StartsWith("stopped:", path.StopReason);
    }

    [Fact]
    public void Passes_the_known_optimum_to_the_criteria()
    {
        var path = Trajectory.Run(new Rosenbrock(), p => new Newton([p]), 100, new KnownOptimum(1e-12));
        Assert.True(path.Steps < 100, path.ToString());
        Assert.True(path.FinalValue <= 1e-12);
    }

    [Fact]
    public void Nesterov_look_ahead_records_theta_and_the_runner_calls_LookAhead()
    {
        // On ½x² (a = 1, b = 1) with η = 0.1, γ = 0.9, from (1, 0): θ1 = 0.9, θ2 = 0.729, θ3 = 0.51759 (see FirstStepsTests)
        var path = Trajectory.Run(new Quadratic(), p => new Nesterov([p], 0.1, lookAhead: true), 3, start: (1, 0));
        Assert.Equal(0.9, path.X[1], 1e-15);
        Assert.Equal(0.729, path.X[2], 1e-15);
        Assert.Equal(0.51759, path.X[3], 1e-15);
    }

    [Fact]
    public void Gradient_descent_escapes_the_saddle_slowly()
    {
        // From (−1.5, 0.01): x shrinks by (1 − 2η) per step, y grows by (1 + 2η): y_k = 0.01·1.2^k with η = 0.1
        var path = Trajectory.Run(new Saddle(), p => new GradientDescent([p], 0.1), 30);
        Assert.Equal(0.01 * Math.Pow(1.2, 30), path.Y[30], 1e-12);
        // near k = 10: x = −1.5·0.8^10 ≈ −0.16, y = 0.01·1.2^10 ≈ 0.06, ‖∇J‖ ≈ 0.34, a ninth of ‖∇J(θ0)‖ ≈ 3
        Assert.True(path.GradientNorms.Min() < 0.15 * path.GradientNorms[0], "GD should first slow down near the saddle");
        Assert.True(path.FinalValue < 0, "and then leave it downhill along y");
    }

    [Fact]
    public void Bad_input_is_explained()
    {
        var s = new Quadratic();
        Assert.Contains("maxSteps must be ≥ 1", Assert.ThrowsAny<ArgumentException>(() => Trajectory.Run(s, p => new Adam([p]), 0)).Message);
        var other = new Parameter("w", Tensor.From([1.0]));
        Assert.Contains("exactly the point's parameter",
            Assert.Throws<ArgumentException>(() => Trajectory.Run(s, p => new Adam([other]), 5)).Message);
        Assert.Contains("must be finite",
            Assert.Throws<ArgumentException>(() => Trajectory.Run(s, p => new Adam([p]), 5, start: (double.NaN, 0))).Message);
    }
}
