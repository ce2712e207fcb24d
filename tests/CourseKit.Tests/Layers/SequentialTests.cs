using CourseKit.Checking;
using CourseKit.Initialisers;
using CourseKit.Layers;
using CsCheck;

namespace CourseKit.Tests.Layers;

public class SequentialTests
{
    private static Sequential DenseBatchNormDense(int inputs, int hidden, int outputs, int seed)
    {
        var bn = new BatchNorm(hidden);
        bn.Gamma.Value.CopyFrom(Tensor.Uniform(seed + 10, 0.5, 2, hidden));
        bn.Beta.Value.CopyFrom(Tensor.Normal(seed + 11, 0, 1, hidden));
        return new Sequential(new Dense(inputs, hidden, seed, new Normal(1)), bn, new Dense(hidden, outputs, seed + 1, new Normal(1)));
    }

    [Fact]
    public void Dense_batchnorm_dense_passes_the_layer_check_in_training() =>
        Gen.Select(Gen.Int[3, 6], Gen.Int[2, 4], Gen.Int[1, 4], Gen.Int).Sample((batch, inputs, hidden, seed) =>
        {
            var model = DenseBatchNormDense(inputs, hidden, 2, seed);
            var x = Tensor.Normal(seed + 2, 0, 1, batch, inputs);
            if (LayerCheck.MinColumnStd(model[0].Forward(x)) < 0.2) return;   // see MinColumnStd: too flat for h = 1e-5
            // The first dense layer's bias has gradient exactly 0: batch norm subtracts the batch mean, so shifting
            // every example by b changes nothing; its numeric gradient is pure finite-difference noise (see LayerCheck).
            var report = LayerCheck.Passes(model, x);
            Assert.All(report.Entries.Where(e => e.Name.StartsWith("dense.b", StringComparison.Ordinal)), e => Assert.True(Math.Abs(e.Analytic) < 1e-12));
            Assert.Contains(report.Entries, e => e.Name == "batchnorm.gamma[0]");
            Assert.Contains(report.Entries, e => e.Name == "dense2.W[1, 0]");
        }, iter: 30);

    [Fact]
    public void Forward_chains_and_backward_runs_in_reverse()
    {
        var a = new Dense(3, 4, seed: 1);
        var b = new Dense(4, 2, seed: 2);
        var model = new Sequential(a, b);
        var x = Tensor.Normal(3, 0, 1, 5, 3);
        var y = model.Forward(x);
        Assert.True(y.AllClose(Tensor.MatMulNT(Tensor.MatMulNT(x, a.W.Value), b.W.Value)));   // biases are 0
        var g = Tensor.Normal(4, 0, 1, 5, 2);
        var dx = model.Backward(g);
        Assert.True(dx.AllClose(Tensor.MatMul(Tensor.MatMul(g, b.W.Value), a.W.Value)));
        Assert.True(b.W.Grad.AllClose(Tensor.MatMulTN(g, Tensor.MatMulNT(x, a.W.Value))));
    }

    [Fact]
    public void Parameter_names_are_made_unique_with_numbers()
    {
        var model = new Sequential(new Dense(2, 3), new BatchNorm(3), new Dense(3, 3), new Dense(3, 1, name: "out"), new Dense(1, 1));
        Assert.Equal(
            ["dense.W", "dense.b", "batchnorm.gamma", "batchnorm.beta", "dense2.W", "dense2.b", "out.W", "out.b", "dense3.W", "dense3.b"],
            model.Parameters().Select(p => p.Name));
        Assert.Equal(6 + 3 + 6 + 12 + 4 + 2, model.ParameterCount);
        var shared = new Dense(2, 2);
        Assert.Equal(2, new Sequential(shared, shared).Parameters().Count());   // a shared layer counts once
    }

    [Fact]
    public void Mode_switch_reaches_every_layer_including_ones_added_later()
    {
        var inner = new Sequential(new Dropout(0.5));
        var model = new Sequential(new Dense(2, 2), inner);
        model.Eval();
        Assert.False(model[0].Training);
        Assert.False(inner[0].Training);
        model.Add(new BatchNorm(2));
        Assert.False(model[2].Training);
        model.Train();
        Assert.True(inner[0].Training && model[2].Training);
        Assert.Equal(3, model.Count);
    }

    [Fact]
    public void Summary_lists_layers_parameter_shapes_and_counts()
    {
        var model = new Sequential(new Dense(784, 128), new Dropout(0.2), new Dense(128, 10));
        string summary = model.Summary();
        Assert.Contains("Dense(784 → 128)", summary);
        Assert.Contains("dense.W [128, 784], dense.b [128]", summary);
        Assert.Contains("100,480", summary);   // 128·784 + 128
        Assert.Contains("1,290", summary);     // 10·128 + 10
        Assert.Contains("total: 101,770 parameters in 3 layers", summary);
        Assert.Equal("Sequential(Dense(784 → 128), Dropout(p = 0.2, Inverted), Dense(128 → 10))", model.ToString());
    }

    [Fact]
    public void Bad_use_is_reported()
    {
        var model = new Sequential();
        Assert.Throws<InvalidOperationException>(() => model.Forward(Tensor.Zeros(1, 1)));
        Assert.Contains("layers 0 to -1", Assert.Throws<ArgumentOutOfRangeException>(() => model[0]).Message);
        Assert.Throws<ArgumentException>(() => model.Add(model));
        model.Add(new Dense(3, 2));
        var e = Assert.Throws<ArgumentException>(() => model.Forward(Tensor.Zeros(4, 5)));
        Assert.Contains("expects input [batch, 3], got [4, 5]", e.Message);
    }
}
