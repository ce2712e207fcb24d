using CourseKit.Stopping;

namespace CourseKit.Tests.Stopping;

public class EarlyStoppingTests
{
    private static TrainingProgress Eval(int k, double metric) => new(k, 1.0) { ValidationMetric = metric };

    [Fact]
    public void Stops_after_patience_evaluations_without_improvement_and_names_the_best_iteration()
    {
        var es = new EarlyStopping(patience: 3);
        var snapshots = new List<int>();
        es.NewBest += (_, p) => snapshots.Add(p.Iteration);

        double[] losses = [0.9, 0.7, 0.5, 0.55, 0.6, 0.52];  // best 0.5 at k = 30, then 3 worse
        StopDecision d = default;
        for (int i = 0; i < losses.Length; i++) d = es.Check(Eval(10 * (i + 1), losses[i]));

        Assert.True(d.Stop);
        Assert.Equal(0.5, es.Best);
        Assert.Equal(30, es.BestIteration);
        Assert.Equal([10, 20, 30], snapshots);
        Assert.Contains("has not improved on the best 0.5 (iteration 30) for 3 evaluation(s)", d.Reason);
        Assert.Contains("restore the weights of iteration 30", d.Reason);
    }

    [Fact]
    public void IsNewBest_marks_exactly_the_improving_evaluations()
    {
        var es = new EarlyStopping(patience: 10);
        bool[] expected = [true, false, true, false];
        double[] losses = [1.0, 1.2, 0.8, 0.8];
        for (int i = 0; i < losses.Length; i++)
        {
            es.Check(Eval(i + 1, losses[i]));
            Assert.Equal(expected[i], es.IsNewBest);
        }
    }

    [Fact]
    public void An_improvement_resets_the_patience_counter()
    {
        var es = new EarlyStopping(patience: 2);
        Assert.False(es.Check(Eval(1, 1.0)).Stop);
        Assert.False(es.Check(Eval(2, 1.1)).Stop);      // 1 without improvement
        Assert.False(es.Check(Eval(3, 0.9)).Stop);      // new best, counter 0
        Assert.False(es.Check(Eval(4, 0.95)).Stop);     // 1
        Assert.True(es.Check(Eval(5, 0.95)).Stop);      // 2 = patience
    }

    [Fact]
    public void MinDelta_ignores_tiny_improvements()
    {
        var es = new EarlyStopping(patience: 2, minDelta: 0.01);
        es.Check(Eval(1, 1.000));
        Assert.False(es.Check(Eval(2, 0.995)).Stop);   // gain 0.005 < 0.01: not an improvement
        Assert.False(es.IsNewBest);
        Assert.True(es.Check(Eval(3, 0.992)).Stop);
        Assert.Equal(1.0, es.Best);
    }

    [Fact]
    public void Maximize_mode_for_accuracy()
    {
        var es = new EarlyStopping(patience: 1, mode: MetricMode.Maximize);
        es.Check(Eval(1, 0.80));
        Assert.False(es.Check(Eval(2, 0.85)).Stop);
        Assert.True(es.IsNewBest);
        Assert.True(es.Check(Eval(3, 0.84)).Stop);
        Assert.Equal(2, es.BestIteration);
    }

    [Fact]
    public void Iterations_without_a_metric_and_repeated_checks_do_not_count()
    {
        var es = new EarlyStopping(patience: 2);
        es.Check(Eval(1, 1.0));
        es.Check(Eval(2, 2.0));
        es.Check(Eval(2, 2.0));                                    // same iteration again: still 1
        Assert.Equal(1, es.EvaluationsWithoutImprovement);
        var d = es.Check(new TrainingProgress(3, 0.1));            // no validation metric
        Assert.False(d.Stop);
        Assert.Equal("continue: no validation metric at iteration 3", d.Reason);
        Assert.Equal(1, es.EvaluationsWithoutImprovement);
    }

    [Fact]
    public void Reset_forgets_the_run_and_bad_input_is_rejected()
    {
        var es = new EarlyStopping(patience: 1);
        es.Check(Eval(1, 1.0));
        es.Check(Eval(2, 2.0));
        es.Reset();
        Assert.Null(es.Best);
        Assert.False(es.Check(Eval(1, 5.0)).Stop);
        Assert.True(es.IsNewBest);
        Assert.Throws<ArgumentException>(() => es.Check(Eval(2, double.NaN)));
        Assert.Contains("patience", Assert.ThrowsAny<ArgumentException>(() => new EarlyStopping(patience: 0)).Message);
        Assert.ThrowsAny<ArgumentException>(() => new EarlyStopping(minDelta: -1));
    }
}
