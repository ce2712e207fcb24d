using CourseKit.Activations;
using CourseKit.Initialisers;
using CourseKit.Layers;

namespace CourseKit.Tests.Layers;

public class ResidualTests
{
    [Fact]
    public void Forward_adds_the_input_to_the_block_output()
    {
        var dense = new Dense(3, 3, seed: 1, init: new Normal(1));
        var x = Tensor.Normal(2, 0, 1, 4, 3);
        var y = new Residual(dense).Forward(x);
        Assert.True(y.AllClose(x + new Dense(3, 3, seed: 1, init: new Normal(1)).Forward(x)));
    }

    [Fact]
    public void A_residual_block_in_a_network_passes_the_gradient_check()
    {
        var model = new Sequential(new Dense(2, 4, seed: 1, init: new Normal(1)), new Tanh(),
            new Residual(new Sequential(new Dense(4, 4, seed: 2, init: new Normal(1)), new Tanh())), new Dense(4, 1, seed: 3));
        var report = LayerCheck.Passes(model, Tensor.Normal(4, 0, 1, 5, 2));
        Assert.Contains(report.Entries, e => e.Name == "dense2.W[1, 2]");
    }

    [Fact]
    public void The_skip_passes_the_gradient_through_unchanged_when_the_block_is_zero()
    {
        var zero = new Dense(3, 3, seed: 1, init: new Zeros());
        var layer = new Residual(zero);
        layer.Forward(Tensor.Normal(5, 0, 1, 2, 3));
        var g = Tensor.Normal(6, 0, 1, 2, 3);
        Assert.True(layer.Backward(g).AllClose(g));
        Assert.Equal(2, layer.Parameters().Count());
    }

    [Fact]
    public void A_block_that_changes_the_shape_is_refused_with_both_shapes()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new Residual(new Dense(3, 2)).Forward(Tensor.Zeros(4, 3)));
        Assert.Contains("[4, 3]", e.Message);
        Assert.Contains("[4, 2]", e.Message);
    }

    [Fact]
    public void Training_mode_reaches_the_block()
    {
        var dropout = new Dropout(0.5);
        var layer = new Residual(dropout);
        layer.Eval();
        Assert.False(dropout.Training);
    }
}
