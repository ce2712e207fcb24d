using System.Numerics;
using CourseKit.Optimisers;
using CourseKit.Surfaces;
using static CourseKit.Tests.Optimisers.OptimiserTesting;

namespace CourseKit.Tests.Optimisers;

/// <summary>
/// On a 1-D quadratic J = aθ²/2 (∇J = aθ) momentum and Nesterov are linear recurrences with a known closed form
/// θ_t = c1·r1^t + c2·r2^t, r1, r2 the roots of the characteristic polynomial (complex when the motion oscillates).
/// </summary>
public class ClosedFormTests
{
    /// <summary>Solution of θ_t = p·θ_{t−1} − q·θ_{t−2} from θ0 and θ1: roots of r² − p·r + q = 0.</summary>
    private static double ClosedForm(double p, double q, double theta0, double theta1, int t)
    {
        var disc = Complex.Sqrt(p * p - 4 * q);
        Complex r1 = (p + disc) / 2, r2 = (p - disc) / 2;
        Complex c1 = (theta1 - r2 * theta0) / (r1 - r2), c2 = theta0 - c1;
        return (c1 * Complex.Pow(r1, t) + c2 * Complex.Pow(r2, t)).Real;
    }

    [Theory]
    [InlineData(0.9)] // the lecture's γ: complex roots, θ overshoots 0 and oscillates
    [InlineData(0.2)] // real roots: no oscillation
    public void Momentum_matches_its_closed_form(double gamma)
    {
        // v_t = γv_{t−1} + ηaθ_{t−1}, θ_t = θ_{t−1} − v_t, and v_{t−1} = θ_{t−2} − θ_{t−1}, so
        // θ_t = (1 + γ − ηa)θ_{t−1} − γθ_{t−2}, θ_1 = (1 − ηa)θ_0 (v_0 = 0).
        const double a = 1, eta = 0.1, theta0 = 1;
        var p = Scalar(theta0);
        var thetas = Run(new Momentum([p], eta, gamma), p, th => a * th, 60);
        double p1 = 1 + gamma - eta * a, theta1 = (1 - eta * a) * theta0;
        var expected = Enumerable.Range(1, 60).Select(t => ClosedForm(p1, gamma, theta0, theta1, t)).ToArray();
        Equal(expected, thetas, 1e-12);
        if (gamma == 0.9)
            Assert.True(thetas.Min() < -0.1, $"with γ = 0.9 momentum should overshoot the minimum at 0 (lecture “Optimisation methods and stopping criteria”); min θ = {thetas.Min()}");
        else
            Assert.True(thetas.All(t => t > 0), "with γ = 0.2 (real roots) θ should approach 0 from one side");
    }

    [Fact]
    public void Nesterov_look_ahead_matches_its_closed_form()
    {
        // v_t = γv_{t−1} + ηa(θ_{t−1} − γv_{t−1}) = γ(1 − ηa)v_{t−1} + ηaθ_{t−1}, θ_t = θ_{t−1} − v_t, so
        // θ_t = (1 − ηa)(1 + γ)θ_{t−1} − γ(1 − ηa)θ_{t−2}, θ_1 = (1 − ηa)θ_0.
        const double a = 1, eta = 0.1, gamma = 0.9, theta0 = 1;
        var p = Scalar(theta0);
        var thetas = Run(new Nesterov([p], eta, gamma, lookAhead: true), p, th => a * th, 60);
        double k = 1 - eta * a;
        var expected = Enumerable.Range(1, 60).Select(t => ClosedForm(k * (1 + gamma), gamma * k, theta0, k * theta0, t)).ToArray();
        Equal(expected, thetas, 1e-12);
    }

    [Fact]
    public void Nesterov_reformulated_holds_the_look_ahead_point_of_the_closed_form()
    {
        // φ_t = θ_t − γv_t = θ_t − γ(θ_{t−1} − θ_t) = (1 + γ)θ_t − γθ_{t−1}, θ_t from the closed form above.
        const double a = 1, eta = 0.1, gamma = 0.9, theta0 = 1;
        var p = Scalar(theta0);
        var phis = Run(new Nesterov([p], eta, gamma), p, th => a * th, 60);
        double k = 1 - eta * a;
        double Theta(int t) => t == 0 ? theta0 : ClosedForm(k * (1 + gamma), gamma * k, theta0, k * theta0, t);
        var expected = Enumerable.Range(1, 60).Select(t => (1 + gamma) * Theta(t) - gamma * Theta(t - 1)).ToArray();
        Equal(expected, phis, 1e-12);
    }

    [Fact]
    public void Nesterov_forms_agree_on_a_rotated_ill_conditioned_quadratic()
    {
        // Both forms, same hyper-parameters, gradient at the parameter; then θ_t (look-ahead form) and φ_t (reformulated)
        // must satisfy φ_t = (1 + γ)θ_t − γθ_{t−1} at every step, in both coordinates.
        var surface = new IllConditionedQuadratic(20, angleDegrees: 30);
        const double eta = 0.02, gamma = 0.9;
        var look = Trajectory.Run(surface, p => new Nesterov([p], eta, gamma, lookAhead: true), 40);
        var reform = Trajectory.Run(surface, p => new Nesterov([p], eta, gamma), 40);
        for (int t = 1; t <= 40; t++)
        {
            Assert.Equal((1 + gamma) * look.X[t] - gamma * look.X[t - 1], reform.X[t], 1e-12);
            Assert.Equal((1 + gamma) * look.Y[t] - gamma * look.Y[t - 1], reform.Y[t], 1e-12);
        }
        Assert.True(look.FinalValue < 1e-3 * look.Values[0], $"Nesterov should converge here: {look}");
    }

    [Fact]
    public void Seed_004_averaged_momentum_is_classic_momentum_with_eta_alpha_times_one_minus_beta()
    {
        // v = α·m turns m ← βm + (1 − β)g, φ ← φ − αm into v ← βv + α(1 − β)g, φ ← φ − v.
        const double alpha = 0.3, beta = 0.8;
        Parameter p1 = Scalar(2), p2 = Scalar(2);
        var ema = Run(new EmaMomentum([p1], alpha, beta), p1, th => 3 * th, 30);
        var classic = Run(new Momentum([p2], alpha * (1 - beta), beta), p2, th => 3 * th, 30);
        Equal(classic, ema, 1e-13);
    }

    [Fact]
    public void GradientDescent_contracts_by_one_minus_eta_lambda_per_step()
    {
        // J = ½(a x² + b y²), a = 1, b = 4, η = 0.1: x_k = (1 − 0.1)^k x_0 = 0.9^k x_0, y_k = (1 − 0.4)^k y_0 = 0.6^k y_0
        var path = Trajectory.Run(new Quadratic(1, 4), p => new GradientDescent([p], 0.1), 50, start: (-1.5, 1.5));
        for (int k = 0; k <= 50; k++)
        {
            Assert.Equal(-1.5 * Math.Pow(0.9, k), path.X[k], 1e-13);
            Assert.Equal(1.5 * Math.Pow(0.6, k), path.Y[k], 1e-13);
        }
    }

    [Fact]
    public void GradientDescent_diverges_when_eta_exceeds_two_over_the_curvature()
    {
        // |1 − ηa| = |1 − 2.5·1| = 1.5 > 1: x_k = (−1.5)^k x_0 grows until it overflows.
        var path = Trajectory.Run(new Quadratic(1, 1), p => new GradientDescent([p], 2.5), 5000);
        Assert.True(path.Diverged, path.ToString());
        Assert.StartsWith("diverged", path.StopReason);
        Assert.Equal(-1.5 * Math.Pow(-1.5, 10), path.X[10], 1e-9);
    }
}
