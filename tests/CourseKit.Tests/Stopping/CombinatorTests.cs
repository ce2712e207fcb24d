using CourseKit.Stopping;

namespace CourseKit.Tests.Stopping;

public class CombinatorTests
{
    [Fact]
    public void AnyOf_stops_when_one_fires_and_reports_which()
    {
        var limit = new MaxIterations(1000);
        var flat = new ObjectiveChange(1e-8);
        var any = limit | flat;
        var go = any.Check(new TrainingProgress(5, 1.0) { PreviousObjective = 2.0 });
        Assert.False(go.Stop);
        Assert.Equal("continue: iteration 5 of 1000; |Q(k) − Q(k−1)| = 1 ≥ ε = 1e-8", go.Reason);

        var d = any.Check(new TrainingProgress(412, 1.0) { PreviousObjective = 1.0 });
        Assert.True(d.Stop);
        Assert.Equal("stopped: |Q(k) − Q(k−1)| = 0 < ε = 1e-8 at iteration 412", d.Reason);
        Assert.Same(flat, Assert.Single(any.Fired));
    }

    [Fact]
    public void AnyOf_checks_every_criterion_so_early_stopping_sees_each_evaluation()
    {
        var es = new EarlyStopping(patience: 5);
        var any = new AnyOf(new MaxIterations(1), es);
        var d = any.Check(new TrainingProgress(1, 1.0) { ValidationMetric = 0.3 });
        Assert.True(d.Stop);
        Assert.Equal(0.3, es.Best);       // evaluated although MaxIterations already fired
    }

    [Fact]
    public void AllOf_needs_every_criterion()
    {
        var both = new ObjectiveChange(1e-3) & new WeightChange(1e-3);
        Assert.False(both.Check(new TrainingProgress(2, 1.0) { PreviousObjective = 1.0, WeightChangeNorm = 0.1 }).Stop);
        var d = both.Check(new TrainingProgress(2, 1.0) { PreviousObjective = 1.0, WeightChangeNorm = 1e-4 });
        Assert.True(d.Stop);
        Assert.StartsWith("stopped: |Q(k) − Q(k−1)| = 0 < ε = 0.001 at iteration 2; ‖w(k) − w(k−1)‖ = 1e-4", d.Reason);
    }

    [Fact]
    public void Empty_combinations_are_rejected()
    {
        Assert.Contains("at least one", Assert.Throws<ArgumentException>(() => new AnyOf()).Message);
        Assert.Contains("null", Assert.Throws<ArgumentException>(() => new AllOf(new MaxIterations(3), null!)).Message);
    }
}
