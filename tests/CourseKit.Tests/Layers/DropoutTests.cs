using CourseKit.Checking;
using CourseKit.Layers;
using CsCheck;

namespace CourseKit.Tests.Layers;

public class DropoutTests
{
    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Probability_outside_0_1_is_rejected(double p)
    {
        var e = Assert.Throws<ArgumentException>(() => new Dropout(p));
        Assert.Contains("must be in [0, 1)", e.Message);
    }

    [Fact]
    public void Inverted_dropout_drops_about_p_and_scales_the_rest_by_1_over_keep()
    {
        const double p = 0.3;
        const int n = 20_000;
        var y = new Dropout(p, seed: 1).Forward(Tensor.Ones(100, n / 100));
        var values = y.ToArray();
        Assert.All(values, v => Assert.True(v == 0 || v == 1 / (1 - p)));
        // fraction dropped ~ p with standard error √(p(1 − p)/n) ≈ 0.0032; allow 5 standard errors
        double dropped = values.Count(v => v == 0) / (double)n;
        Assert.True(Math.Abs(dropped - p) < 5 * Math.Sqrt(p * (1 - p) / n), $"dropped {dropped}");
        // E[y] = x: the mean of the outputs has standard error √(p/(1 − p)/n)
        Assert.True(Math.Abs(y.Mean() - 1) < 5 * Math.Sqrt(p / (1 - p) / n), $"mean {y.Mean()}");
    }

    [Fact]
    public void Inference_is_the_identity_for_inverted_and_times_keep_for_scaling_at_inference()
    {
        var x = Tensor.Normal(1, 0, 1, 3, 4);
        var inverted = new Dropout(0.4);
        inverted.Eval();
        Assert.Equal(x.ToArray(), inverted.Forward(x).ToArray());
        Assert.Equal(x.ToArray(), inverted.Backward(x).ToArray());

        var atInference = new Dropout(0.4, seed: 2, DropoutScaling.AtInference);
        var train = atInference.Forward(x).ToArray();
        Assert.All(train.Zip(x.ToArray()), t => Assert.True(t.First == 0 || t.First == t.Second));   // no scaling in training
        atInference.Eval();
        Assert.True(atInference.Forward(x).AllClose(x * 0.6));   // (1 − p)·x at test time
        Assert.True(atInference.Backward(Tensor.Ones(3, 4)).AllClose(Tensor.Full(0.6, 3, 4)));
    }

    [Fact]
    public void Gradients_pass_the_layer_check_with_a_fixed_mask() =>
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 6], Gen.Double[0, 0.8], Gen.Int).Sample((batch, width, p, seed) =>
        {
            foreach (var scaling in new[] { DropoutScaling.Inverted, DropoutScaling.AtInference })
            {
                var dropout = new Dropout(p, seed, scaling) { ReuseMask = true };
                var x = Tensor.Normal(seed + 1, 0, 1, batch, width);
                LayerCheck.Passes(dropout, x);
                var g = Tensor.Normal(seed + 2, 0, 1, batch, width);
                dropout.Forward(x);
                double kept = scaling == DropoutScaling.Inverted ? 1 / (1 - p) : 1;
                var mask = dropout.LastMask ?? Tensor.Ones(batch, width);   // p = 0 keeps everything and draws no mask
                var expected = g * mask * kept;   // ∂L/∂x = m ⊙ ∂L/∂y · scale
                Assert.True(dropout.Backward(g).AllClose(expected));
            }
        }, iter: 40);

    [Fact]
    public void Same_seed_same_masks_and_a_new_mask_per_batch()
    {
        var x = Tensor.Ones(4, 8);
        var a = new Dropout(0.5, seed: 9);
        var b = new Dropout(0.5, seed: 9);
        var first = a.Forward(x).ToArray();
        Assert.Equal(first, b.Forward(x).ToArray());
        Assert.NotEqual(first, a.Forward(x).ToArray());
        a.ReuseMask = true;
        var kept = a.Forward(x).ToArray();
        Assert.Equal(kept, a.Forward(x).ToArray());
    }

    [Fact]
    public void Monte_Carlo_dropout_stays_on_at_inference_and_the_average_estimates_mean_and_spread()
    {
        const double p = 0.5;
        var dropout = new Dropout(p, seed: 4);
        var model = new Sequential(new Dense(1, 1, seed: 1), new Sequential(dropout));
        model.Eval();
        dropout.MonteCarlo = true;
        var ones = Tensor.Ones(1, 50);
        var mc = new Dropout(p, seed: 3) { MonteCarlo = true };
        mc.Eval();
        Assert.Contains(0.0, mc.Forward(ones).ToArray());   // dropped although in inference mode
        dropout.MonteCarlo = false;

        // On x = 1 each pass gives m/(1 − p) with m ~ Bernoulli(1 − p): mean 1, std √(p/(1 − p)) = 1.
        var identity = new Sequential(new Dropout(p, seed: 5));
        identity.Train();
        var prediction = MonteCarloDropout.Predict(identity, ones, passes: 4000);
        Assert.Equal(4000, prediction.Passes);
        // per entry the mean has standard error 1/√4000 ≈ 0.016; averaged over 50 entries ≈ 0.0022
        Assert.True(Math.Abs(prediction.Mean.Mean() - 1) < 5 * 1 / Math.Sqrt(4000 * 50), $"mean {prediction.Mean.Mean()}");
        Assert.True(Math.Abs(prediction.Std.Mean() - Math.Sqrt(p / (1 - p))) < 0.02, $"std {prediction.Std.Mean()}");
        Assert.True(identity.Training);                                  // mode restored
        Assert.False(((Dropout)identity[0]).MonteCarlo);                 // flag restored

        var nested = MonteCarloDropout.Predict(model, Tensor.Ones(3, 1), passes: 20);
        Assert.False(model.Training);
        Assert.False(dropout.MonteCarlo);
        Assert.True(nested.Std.Max() > 0);   // the nested dropout was switched on
        Assert.Throws<ArgumentException>(() => MonteCarloDropout.Predict(new Dense(1, 1), ones, 10));
        Assert.Throws<ArgumentException>(() => MonteCarloDropout.Predict(identity, ones, 1));
    }

    [Fact]
    public void Backward_before_forward_and_wrong_dOut_shape_are_rejected()
    {
        var dropout = new Dropout(0.5);
        Assert.Throws<InvalidOperationException>(() => dropout.Backward(Tensor.Zeros(2, 2)));
        dropout.Forward(Tensor.Zeros(2, 3));
        var e = Assert.Throws<ArgumentException>(() => dropout.Backward(Tensor.Zeros(3, 2)));
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("got [3, 2]", e.Message);
    }
}
