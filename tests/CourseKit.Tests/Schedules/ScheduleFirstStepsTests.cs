using CourseKit.Schedules;

namespace CourseKit.Tests.Schedules;

/// <summary>Each schedule's first three rates, computed by hand from the lecture's formula.</summary>
public class ScheduleFirstStepsTests
{
    private const double Tol = 1e-15;

    [Fact]
    public void Constant_is_c_at_every_step()
    {
        // η_k = c, c = 0.05
        var s = new ConstantSchedule(0.05);
        Assert.Equal(0.05, s.Rate(1), Tol);
        Assert.Equal(0.05, s.Rate(2), Tol);
        Assert.Equal(0.05, s.Rate(3), Tol);
    }

    [Fact]
    public void InverseTime_is_c_over_k()
    {
        // η_k = 1/k (the lecture “Gradient descent: the basics”): 1/1 = 1, 1/2 = 0.5, 1/3 = 0.333…
        var s = new InverseTimeSchedule();
        Assert.Equal(1.0, s.Rate(1), Tol);
        Assert.Equal(0.5, s.Rate(2), Tol);
        Assert.Equal(1.0 / 3.0, s.Rate(3), Tol);
        // c = 0.3: 0.3, 0.15, 0.1
        var c = new InverseTimeSchedule(0.3);
        Assert.Equal(0.3, c.Rate(1), Tol);
        Assert.Equal(0.15, c.Rate(2), Tol);
        Assert.Equal(0.1, c.Rate(3), 1e-16);
    }

    [Fact]
    public void PolynomialDecay_is_lambda_times_s0_over_s0_plus_k_to_the_p()
    {
        // η_k = λ(s0/(s0+k))^p with λ = 0.6, s0 = 2, p = 2:
        // k=1: 0.6·(2/3)² = 0.6·4/9 = 0.2666…;  k=2: 0.6·(2/4)² = 0.6·0.25 = 0.15;  k=3: 0.6·(2/5)² = 0.6·0.16 = 0.096
        var s = new PolynomialDecaySchedule(lambda: 0.6, s0: 2, p: 2);
        Assert.Equal(2.4 / 9.0, s.Rate(1), 1e-15);
        Assert.Equal(0.15, s.Rate(2), 1e-15);
        Assert.Equal(0.096, s.Rate(3), 1e-15);
    }

    [Fact]
    public void Power_is_alpha0_over_one_plus_t_over_s_to_the_c()
    {
        // α(t) = α0/(1 + t/s)^c, α0 = 0.1, s = 2, c = 1, t = k − 1:
        // t=0: 0.1/1 = 0.1;  t=1: 0.1/1.5 = 0.0666…;  t=2: 0.1/2 = 0.05
        var s = new PowerSchedule(0.1, s: 2);
        Assert.Equal(0.1, s.Rate(1), Tol);
        Assert.Equal(0.1 / 1.5, s.Rate(2), Tol);
        Assert.Equal(0.05, s.Rate(3), Tol);
        // c = 2: 0.1/1 = 0.1, 0.1/2.25 = 0.0444…, 0.1/4 = 0.025
        var c2 = new PowerSchedule(0.1, s: 2, c: 2);
        Assert.Equal(0.1, c2.Rate(1), Tol);
        Assert.Equal(0.1 / 2.25, c2.Rate(2), Tol);
        Assert.Equal(0.025, c2.Rate(3), Tol);
    }

    [Fact]
    public void Exponential_multiplies_by_gamma_every_s_steps()
    {
        // α(t) = α0·0.1^(t/s), α0 = 0.5, s = 2: t=0: 0.5; t=1: 0.5·0.1^0.5 = 0.5·0.316227… ; t=2: 0.5·0.1 = 0.05
        var s = new ExponentialSchedule(0.5, s: 2);
        Assert.Equal(0.5, s.Rate(1), Tol);
        Assert.Equal(0.5 * 0.31622776601683794, s.Rate(2), 1e-15);
        Assert.Equal(0.05, s.Rate(3), 1e-16);
        // staircase, γ = 0.5, s = 2: ⌊0/2⌋ = 0 → 0.5; ⌊1/2⌋ = 0 → 0.5; ⌊2/2⌋ = 1 → 0.25
        var stairs = new ExponentialSchedule(0.5, s: 2, gamma: 0.5, staircase: true);
        Assert.Equal(0.5, stairs.Rate(1), Tol);
        Assert.Equal(0.5, stairs.Rate(2), Tol);
        Assert.Equal(0.25, stairs.Rate(3), Tol);
    }

    [Fact]
    public void PiecewiseConstant_switches_after_each_boundary()
    {
        // boundaries [1, 2], rates [0.3, 0.2, 0.1]: t=0 < 1 → 0.3; t=1 ≥ 1, < 2 → 0.2; t=2 ≥ 2 → 0.1
        var s = new PiecewiseConstantSchedule([1, 2], [0.3, 0.2, 0.1]);
        Assert.Equal(0.3, s.Rate(1));
        Assert.Equal(0.2, s.Rate(2));
        Assert.Equal(0.1, s.Rate(3));
        // the documented example: boundaries [5, 15] → steps 1–5, 6–15, 16–
        var doc = new PiecewiseConstantSchedule([5, 15], [0.1, 0.01, 0.001]);
        Assert.Equal(0.1, doc.Rate(5));
        Assert.Equal(0.01, doc.Rate(6));
        Assert.Equal(0.01, doc.Rate(15));
        Assert.Equal(0.001, doc.Rate(16));
        Assert.Equal(0.001, doc.Rate(1000));
    }

    [Fact]
    public void OnPlateau_divides_after_patience_observations_without_improvement()
    {
        // α = 0.1, factor 0.5, patience 2. Errors 1.0 (best), 1.0 (bad 1), 1.2 (bad 2 → α = 0.1·0.5 = 0.05)
        var s = new OnPlateauSchedule(0.1, factor: 0.5, patience: 2);
        Assert.Equal(0.1, s.Rate(1));
        s.Observe(1.0);
        Assert.Equal(0.1, s.Rate(2));
        s.Observe(1.0);
        Assert.Equal(0.1, s.Rate(3));
        s.Observe(1.2);
        Assert.True(s.ReducedOnLastObservation);
        Assert.Equal(0.05, s.Rate(4), Tol);
        // two more bad observations: 0.05·0.5 = 0.025
        s.Observe(1.1);
        s.Observe(1.05);
        Assert.Equal(0.025, s.Rate(5), Tol);
        Assert.Equal(2, s.Reductions);
        Assert.Equal(1.0, s.Best);
    }

    [Fact]
    public void OneCycle_rises_linearly_to_the_peak_then_falls()
    {
        // α1 = 1, T = 5, α0 = 1/10 = 0.1, α_end = 0.1/1000 = 1e-4, peak at t = m = 2:
        // t=0: 0.1; t=1: 0.1 + 0.9·1/2 = 0.55; t=2: 0.1 + 0.9·2/2 = 1.0;
        // t=3: 1 + (1e-4 − 1)·(3−2)/(4−2) = 0.50005; t=4: 1e-4
        var s = new OneCycleSchedule(maxRate: 1.0, totalSteps: 5);
        Assert.Equal(0.1, s.Rate(1), Tol);
        Assert.Equal(0.55, s.Rate(2), Tol);
        Assert.Equal(1.0, s.Rate(3), Tol);
        Assert.Equal(0.50005, s.Rate(4), 1e-15);
        Assert.Equal(1e-4, s.Rate(5), 1e-18);
        Assert.Equal(1e-4, s.Rate(50), 1e-18);
        Assert.Equal(3, s.PeakStep);
    }
}
