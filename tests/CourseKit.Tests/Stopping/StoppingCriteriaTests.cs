using CourseKit.Stopping;

namespace CourseKit.Tests.Stopping;

public class StoppingCriteriaTests
{
    [Fact]
    public void MaxIterations_stops_at_the_limit()
    {
        var c = new MaxIterations(100);
        Assert.False(c.Check(new TrainingProgress(99, 1.0)).Stop);
        var d = c.Check(new TrainingProgress(100, 1.0));
        Assert.True(d.Stop);
        Assert.Equal("stopped: iteration 100 reached the limit of 100 iterations", d.Reason);
        Assert.Contains("got 0", Assert.ThrowsAny<ArgumentException>(() => new MaxIterations(0)).Message);
    }

    [Fact]
    public void MaxTime_stops_when_elapsed_reaches_the_limit()
    {
        var c = new MaxTime(TimeSpan.FromSeconds(60));
        Assert.False(c.Check(new TrainingProgress(5, 1.0) { Elapsed = TimeSpan.FromSeconds(59.9) }).Stop);
        var d = c.Check(new TrainingProgress(55, 1.0) { Elapsed = TimeSpan.FromSeconds(62.5) });
        Assert.True(d.Stop);
        Assert.Equal("stopped: elapsed 62.5 s ≥ limit 60 s at iteration 55", d.Reason);
        Assert.ThrowsAny<ArgumentException>(() => new MaxTime(TimeSpan.Zero));
    }

    [Fact]
    public void ObjectiveChange_reads_like_the_lecture()
    {
        var c = new ObjectiveChange(1e-8);
        var d = c.Check(new TrainingProgress(412, 0.5 + 3.2e-9) { PreviousObjective = 0.5 });
        Assert.True(d.Stop);
        Assert.Equal("stopped: |Q(k) − Q(k−1)| = 3.2e-9 < ε = 1e-8 at iteration 412", d.Reason);
        // |ΔQ| is an absolute value: an increase counts the same
        Assert.True(c.Check(new TrainingProgress(3, 0.5) { PreviousObjective = 0.5 + 3.2e-9 }).Stop);
        var go = c.Check(new TrainingProgress(3, 0.4) { PreviousObjective = 0.5 });
        Assert.False(go.Stop);
        Assert.Equal("continue: |Q(k) − Q(k−1)| = 0.1 ≥ ε = 1e-8", go.Reason);
    }

    [Fact]
    public void ObjectiveChange_is_strict_and_waits_for_a_previous_value()
    {
        var c = new ObjectiveChange(0.25);
        // |1.25 − 1| = 0.25 exactly: not < ε (all values exact in binary)
        Assert.False(c.Check(new TrainingProgress(1, 1.25) { PreviousObjective = 1.0 }).Stop);
        Assert.True(c.Check(new TrainingProgress(1, 1.125) { PreviousObjective = 1.0 }).Stop);
        Assert.False(c.Check(new TrainingProgress(0, 1.0)).Stop);   // k = 0: no Q(k−1)
        var ex = Assert.Throws<ArgumentException>(() => c.Check(new TrainingProgress(7, 1.0)));
        Assert.Contains("PreviousObjective", ex.Message);
        Assert.Contains("ε", Assert.ThrowsAny<ArgumentException>(() => new ObjectiveChange(0)).Message);
        Assert.ThrowsAny<ArgumentException>(() => new ObjectiveChange(double.NaN));
    }

    [Fact]
    public void WeightChange_compares_the_step_norm_with_epsilon()
    {
        var c = new WeightChange(1e-6);
        var d = c.Check(new TrainingProgress(30, 2.0) { WeightChangeNorm = 4e-7 });
        Assert.True(d.Stop);
        Assert.Equal("stopped: ‖w(k) − w(k−1)‖ = 4e-7 < ε = 1e-6 at iteration 30", d.Reason);
        Assert.False(c.Check(new TrainingProgress(30, 2.0) { WeightChangeNorm = 1e-6 }).Stop); // strict
        Assert.False(c.Check(new TrainingProgress(0, 2.0)).Stop);
        Assert.Contains("WeightChangeNorm", Assert.Throws<ArgumentException>(() => c.Check(new TrainingProgress(2, 1.0))).Message);
    }

    [Fact]
    public void RelativeObjective_stops_at_a_fraction_of_the_initial_objective()
    {
        var c = new RelativeObjective(1e-3);
        // J(θ0) = 5 → bound 0.005; J = 0.005 stops (≤), 0.0051 does not
        var d = c.Check(new TrainingProgress(80, 0.005) { InitialObjective = 5 });
        Assert.True(d.Stop);
        Assert.Equal("stopped: J(θt) = 0.005 ≤ ε·J(θ0) = 0.001·5 = 0.005 at iteration 80", d.Reason);
        Assert.False(c.Check(new TrainingProgress(80, 0.0051) { InitialObjective = 5 }).Stop);
        Assert.Contains("InitialObjective", Assert.Throws<ArgumentException>(() => c.Check(new TrainingProgress(1, 1))).Message);
    }

    [Fact]
    public void RelativeGradient_stops_when_the_gradient_shrank_enough()
    {
        var c = new RelativeGradient(0.01);
        var d = c.Check(new TrainingProgress(9, 1) { GradientNorm = 0.5, InitialGradientNorm = 100 });
        Assert.True(d.Stop);
        Assert.Equal("stopped: ‖∇J(θt)‖ = 0.5 ≤ ε·‖∇J(θ0)‖ = 0.01·100 = 1 at iteration 9", d.Reason);
        Assert.False(c.Check(new TrainingProgress(9, 1) { GradientNorm = 1.5, InitialGradientNorm = 100 }).Stop);
        Assert.Contains("InitialGradientNorm",
            Assert.Throws<ArgumentException>(() => c.Check(new TrainingProgress(9, 1) { GradientNorm = 1 })).Message);
        Assert.Contains("GradientNorm", Assert.Throws<ArgumentException>(() => c.Check(new TrainingProgress(9, 1))).Message);
    }

    [Fact]
    public void KnownOptimum_uses_the_given_or_the_progress_optimum()
    {
        var c = new KnownOptimum(1e-4, optimum: 0.0);
        var d = c.Check(new TrainingProgress(300, 5e-5));
        Assert.True(d.Stop);
        Assert.Equal("stopped: J(θt) − J* = 5e-5 − 0 = 5e-5 ≤ ε = 1e-4 at iteration 300", d.Reason);
        Assert.False(c.Check(new TrainingProgress(300, 2e-4)).Stop);
        var fromProgress = new KnownOptimum(0.5);
        Assert.True(fromProgress.Check(new TrainingProgress(1, 3.25) { KnownOptimum = 3.0 }).Stop);
        Assert.False(fromProgress.Check(new TrainingProgress(1, 3.75) { KnownOptimum = 3.0 }).Stop);
        Assert.Contains("needs J*", Assert.Throws<ArgumentException>(() => fromProgress.Check(new TrainingProgress(1, 1))).Message);
    }

    [Fact]
    public void ObjectiveTarget_stops_when_the_training_error_reaches_the_value()
    {
        var c = new ObjectiveTarget(0.01);
        Assert.False(c.Check(new TrainingProgress(3, 0.02)).Stop);
        Assert.Equal("stopped: Q(k) = 0.01 ≤ target 0.01 at iteration 4", c.Check(new TrainingProgress(4, 0.01)).Reason);
    }

    [Fact]
    public void Progress_rejects_a_negative_iteration()
    {
        Assert.Contains("got -1", Assert.ThrowsAny<ArgumentException>(() => new TrainingProgress(-1, 0)).Message);
    }
}
