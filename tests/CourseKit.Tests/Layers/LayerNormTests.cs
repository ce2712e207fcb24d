using CourseKit.Checking;
using CourseKit.Layers;
using CsCheck;

namespace CourseKit.Tests.Layers;

public class LayerNormTests
{
    [Fact]
    public void Each_example_is_normalised_over_its_features_by_hand()
    {
        var ln = new LayerNorm(3);
        ln.Gamma.Value.CopyFrom(Tensor.From([1, 2, 3]));
        ln.Beta.Value.CopyFrom(Tensor.From([0, 1, 0]));
        var y = ln.Forward(Tensor.FromArray([1, 2, 3, 10, 10, 40], 2, 3));
        // row 0: μ = 2, σ² = 2/3;  row 1: μ = 20, σ² = (100 + 100 + 400)/3 = 200
        double s0 = Math.Sqrt(2.0 / 3 + 1e-5), s1 = Math.Sqrt(200 + 1e-5);
        double[] expected = [-1 / s0, 1, 3 * 1 / s0, -10 / s1, 2 * -10 / s1 + 1, 3 * 20 / s1];
        Assert.True(y.AllClose(Tensor.FromArray(expected, 2, 3), 1e-12));
    }

    [Fact]
    public void Same_in_training_and_inference_and_works_on_a_single_example()
    {
        var ln = new LayerNorm(4);
        var x = Tensor.Normal(1, 0, 1, 1, 4);
        var train = ln.Forward(x);
        ln.Eval();
        Assert.Equal(train.ToArray(), ln.Forward(x).ToArray());
    }

    [Fact]
    public void Gradients_pass_the_layer_check() =>
        Gen.Select(Gen.Int[1, 5], Gen.Int[2, 6], Gen.Int).Sample((batch, features, seed) =>
        {
            var ln = new LayerNorm(features);
            ln.Gamma.Value.CopyFrom(Tensor.Uniform(seed, 0.5, 2, features));
            ln.Beta.Value.CopyFrom(Tensor.Normal(seed + 1, 0, 1, features));
            var x = Tensor.Normal(seed + 2, 1, 2, batch, features);
            if (LayerCheck.MinColumnStd(x.T) < 0.2) return;   // each row's spread, see MinColumnStd: too flat for h = 1e-5
            LayerCheck.Passes(ln, x);
        }, iter: 40);

    [Fact]
    public void Bad_input_is_reported()
    {
        var ln = new LayerNorm(4);
        Assert.Contains("expects input [batch, 4], got [2, 5]", Assert.Throws<ArgumentException>(() => ln.Forward(Tensor.Zeros(2, 5))).Message);
        Assert.Throws<InvalidOperationException>(() => ln.Backward(Tensor.Zeros(2, 4)));
        ln.Forward(Tensor.Normal(1, 0, 1, 2, 4));
        Assert.Contains("got [4, 2]", Assert.Throws<ArgumentException>(() => ln.Backward(Tensor.Zeros(4, 2))).Message);
        Assert.Throws<ArgumentException>(() => new LayerNorm(1));
    }
}
