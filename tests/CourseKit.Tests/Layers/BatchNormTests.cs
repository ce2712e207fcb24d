using CourseKit.Checking;
using CourseKit.Initialisers;
using CourseKit.Layers;
using CsCheck;

namespace CourseKit.Tests.Layers;

public class BatchNormTests
{
    private const double Eps = 1e-5;

    [Fact]
    public void Training_forward_and_running_statistics_by_hand()
    {
        var bn = new BatchNorm(2);
        bn.Gamma.Value.CopyFrom(Tensor.From([2, 0.5]));
        bn.Beta.Value.CopyFrom(Tensor.From([1, -1]));
        var x = Tensor.FromArray([1, 10, 3, 10, 5, 16], 3, 2);
        var y = bn.Forward(x);
        // column 0: μ = 3, σ² = (4 + 0 + 4)/3 = 8/3;  column 1: μ = 12, σ² = (4 + 4 + 16)/3 = 8
        double s0 = Math.Sqrt(8.0 / 3 + Eps), s1 = Math.Sqrt(8 + Eps);
        double[] expected =
        [
            2 * (1 - 3) / s0 + 1, 0.5 * (10 - 12) / s1 - 1,
            2 * (3 - 3) / s0 + 1, 0.5 * (10 - 12) / s1 - 1,
            2 * (5 - 3) / s0 + 1, 0.5 * (16 - 12) / s1 - 1,
        ];
        Assert.True(y.AllClose(Tensor.FromArray(expected, 3, 2), 1e-12));
        // running ← 0.9·running + 0.1·batch, from μ = 0 and σ² = 1
        Assert.True(bn.RunningMean.AllClose(Tensor.From([0.1 * 3, 0.1 * 12]), 1e-12));
        Assert.True(bn.RunningVariance.AllClose(Tensor.From([0.9 + 0.1 * 8 / 3, 0.9 + 0.1 * 8]), 1e-12));
    }

    [Fact]
    public void Inference_uses_the_running_statistics_and_does_not_update_them()
    {
        var bn = new BatchNorm(2, momentum: 0.5);
        bn.Forward(Tensor.FromArray([1, 10, 3, 10, 5, 16], 3, 2));   // running μ = (1.5, 6), σ² = (0.5 + 4/3, 0.5 + 4)
        bn.Eval();
        var y = bn.Forward(Tensor.FromArray([2, 7], 1, 2));           // a batch of one is fine at inference
        Assert.Equal(1.5, bn.RunningMean[0], 12);
        Assert.Equal((2 - 1.5) / Math.Sqrt(0.5 + 4.0 / 3 + Eps), y[0, 0], 12);
        Assert.Equal((7 - 6) / Math.Sqrt(4.5 + Eps), y[0, 1], 12);
        Assert.Equal(1.5, bn.RunningMean[0], 12);
    }

    [Fact]
    public void Training_output_has_mean_beta_and_standard_deviation_gamma()
    {
        var bn = new BatchNorm(3);
        bn.Gamma.Value.CopyFrom(Tensor.From([1, 2, 3]));
        bn.Beta.Value.CopyFrom(Tensor.From([-1, 0, 5]));
        var y = bn.Forward(Tensor.Normal(1, 4, 3, 50, 3));
        Assert.True(y.Mean(0).AllClose(Tensor.From([-1, 0, 5]), 1e-9, 1e-12));
        var centred = y - y.Mean(0);
        Assert.True(centred.Square().Mean(0).Sqrt().AllClose(Tensor.From([1, 2, 3]), 1e-5));   // √(σ²/(σ² + ε)) ≈ 1
    }

    [Fact]
    public void Gradients_through_the_batch_statistics_pass_the_layer_check() =>
        Gen.Select(Gen.Int[3, 7], Gen.Int[1, 5], Gen.Int).Sample((batch, features, seed) =>
        {
            var bn = Random(features, seed);
            var x = Tensor.Normal(seed + 3, 1, 2, batch, features);
            if (LayerCheck.MinColumnStd(x) < 0.2) return;   // see MinColumnStd: too flat for h = 1e-5
            var report = LayerCheck.Passes(bn, x);
            Assert.Equal(batch * features + 2 * features, report.Entries.Count);
        }, iter: 40);

    [Fact]
    public void Gradients_at_inference_pass_the_layer_check() =>
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 5], Gen.Int).Sample((batch, features, seed) =>
        {
            var bn = Random(features, seed);
            bn.Forward(Tensor.Normal(seed + 4, 2, 3, 8, features));   // move the running statistics
            bn.Eval();
            LayerCheck.Passes(bn, Tensor.Normal(seed + 5, 0, 1, batch, features));
        }, iter: 30);

    [Fact]
    public void Folding_into_the_previous_dense_matches_dense_then_batchnorm_at_inference()
    {
        var dense = new Dense(4, 3, seed: 1, new Normal(1));
        dense.B.Value.CopyFrom(Tensor.From([0.5, -2, 1]));
        var bn = Random(3, 2);
        var model = new Sequential(dense, bn);
        for (int i = 0; i < 5; i++) model.Forward(Tensor.Normal(10 + i, 1, 2, 16, 4));   // running statistics move
        model.Eval();

        var folded = bn.FoldInto(dense);
        var x = Tensor.Normal(99, 0, 1, 7, 4);
        Assert.True(folded.Forward(x).AllClose(model.Forward(x), 1e-12, 1e-12));
        // W′ row j = γⱼ W row j / σⱼ, checked for one entry
        double sigma = Math.Sqrt(bn.RunningVariance[1] + bn.Eps);
        Assert.Equal(bn.Gamma.Value[1] * dense.W.Value[1, 2] / sigma, folded.W.Value[1, 2], 12);
        Assert.Equal("folded.W", folded.W.Name);
        var e = Assert.Throws<ArgumentException>(() => bn.FoldInto(new Dense(4, 5)));
        Assert.Contains("5 outputs, expected 3", e.Message);
    }

    [Fact]
    public void Bad_input_is_reported()
    {
        var bn = new BatchNorm(4);
        Assert.Contains("expects input [batch, 4], got [8, 3]", Assert.Throws<ArgumentException>(() => bn.Forward(Tensor.Zeros(8, 3))).Message);
        Assert.Contains("at least 2 examples", Assert.Throws<ArgumentException>(() => bn.Forward(Tensor.Zeros(1, 4))).Message);
        Assert.Throws<InvalidOperationException>(() => bn.Backward(Tensor.Zeros(2, 4)));
        bn.Forward(Tensor.Normal(1, 0, 1, 2, 4));
        Assert.Contains("got [2, 3]", Assert.Throws<ArgumentException>(() => bn.Backward(Tensor.Zeros(2, 3))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm(4, momentum: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchNorm(4, eps: 0));
    }

    private static BatchNorm Random(int features, int seed)
    {
        var bn = new BatchNorm(features);
        bn.Gamma.Value.CopyFrom(Tensor.Uniform(seed, 0.5, 2, features));
        bn.Beta.Value.CopyFrom(Tensor.Normal(seed + 1, 0, 1, features));
        return bn;
    }
}
