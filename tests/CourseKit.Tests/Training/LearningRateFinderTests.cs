using CourseKit.Training;

namespace CourseKit.Tests.Training;

public class LearningRateFinderTests
{
    // A quadratic: one weight w, inputs all 1, targets 3, so L(w) = (w − 3)² and ∂L/∂w = 2(w − 3).
    // Gradient descent gives e ← (1 − 2η)e for e = w − 3, so the loss falls iff |1 − 2η| < 1, i.e. η < 1,
    // and rises for η > 1: the loss "starts to rise" at η = 1.
    private static (TestLinear Model, MiniBatches Batches) Quadratic()
    {
        var model = new TestLinear(1, 1, bias: false);
        return (model, MiniBatches.FullBatch(Tensor.Ones(4, 1), Tensor.Full(3.0, 4, 1)));
    }

    [Fact]
    public void Without_smoothing_the_minimum_is_the_first_rate_above_the_critical_one()
    {
        var (model, batches) = Quadratic();
        var finder = new LearningRateFinder(model, new TestMse(), (ps, lr) => new TestSgd(ps, lr))
        {
            MinRate = 1.5e-4, MaxRate = 1.5e2, Steps = 61, Smoothing = 0,   // η_i = 1.5e-4 · 10^(i/10)
        };
        var test = finder.Run(batches);
        double q = Math.Pow(10, 0.1);
        Close.Equal(1.5e-4 * Math.Pow(q, 5), test.Rates[5], 1e-12);
        // loss_i is measured before the update with η_i, so loss_(i+1) = loss_i·(1 − 2η_i)² and the smallest
        // loss is at the first i with η_i > 1: η_39 = 1.5·10^(−0.1) ≈ 1.19 (η_38 ≈ 0.946).
        Assert.InRange(test.RateAtMinimum, 1.0, q);
        Assert.Equal(39, test.MinimumIndex);
        Assert.Equal(test.RateAtMinimum / 10, test.SuggestedRate);
        // Then loss_40 = loss_39·(1 − 2·1.19)² ≈ 1.9·loss_39 and loss_41 = loss_40·(1 − 2·1.5)² ≈ 7.6·loss_39 > 4·best: stop.
        Assert.True(test.Diverged);
        Assert.Equal(42, test.Rates.Length);
        Assert.Equal(test.Losses, test.SmoothedLosses);
        Assert.Equal(0, model.W.Value[0, 0]);   // the initial weight is back
    }

    [Fact]
    public void Smoothing_can_only_delay_the_minimum()
    {
        var (model, batches) = Quadratic();
        var finder = new LearningRateFinder(model, new TestMse(), (ps, lr) => new TestSgd(ps, lr))
        {
            MinRate = 1.5e-4, MaxRate = 1.5e2, Steps = 61,
        };
        var test = finder.Run(batches);
        // The bias-corrected average is a convex combination of s_(i−1) and loss_i, so it keeps falling while the
        // raw loss falls: its minimum is at or after the raw one (η ≥ 1), and the suggestion is at least 0.1.
        Assert.True(test.RateAtMinimum >= 1.0, $"minimum at η = {test.RateAtMinimum}");
        Assert.True(test.SuggestedRate >= 0.1);
        Assert.True(test.Diverged);
        Assert.Contains("suggested η", test.ToString());
        // Smoothed value by hand at step 1: m0 = 0.02·l0, m1 = 0.98·m0 + 0.02·l1, s1 = m1/(1 − 0.98²).
        double m1 = 0.98 * 0.02 * test.Losses[0] + 0.02 * test.Losses[1];
        Close.Equal(m1 / (1 - 0.98 * 0.98), test.SmoothedLosses[1], 1e-12);
        Assert.Equal(0, model.W.Value[0, 0]);
    }

    [Fact]
    public void Bad_settings_are_explained()
    {
        var (model, batches) = Quadratic();
        var finder = new LearningRateFinder(model, new TestMse(), (ps, lr) => new TestSgd(ps, lr)) { MinRate = 1, MaxRate = 0.1 };
        Assert.Contains("Expected 0 < η_min < η_max < ∞", Assert.Throws<ArgumentException>(() => finder.Run(batches)).Message);
        var f2 = new LearningRateFinder(model, new TestMse(), (ps, lr) => new TestSgd(ps, lr)) { Smoothing = 1 };
        Assert.Contains("smoothing factor β in [0, 1)", Assert.Throws<ArgumentException>(() => f2.Run(batches)).Message);
    }
}
