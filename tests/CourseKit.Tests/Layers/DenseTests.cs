using CourseKit.Checking;
using CourseKit.Initialisers;
using CourseKit.Layers;
using CsCheck;

namespace CourseKit.Tests.Layers;

public class DenseTests
{
    [Fact]
    public void Forward_is_x_times_W_transposed_plus_b_by_hand()
    {
        // W [3, 2] = rows (1, 0), (0, 1), (1, 1); b = (0.5, −1, 0); x = (1, 2)
        // s = Wx + b = (1 + 0.5, 2 − 1, 1 + 2 + 0) = (1.5, 1, 3)
        var dense = Dense.FromWeights(Tensor.FromArray([1, 0, 0, 1, 1, 1], 3, 2), Tensor.From([0.5, -1, 0]));
        var y = dense.Forward(Tensor.FromArray([1, 2], 1, 2));
        Assert.Equal([1, 3], y.Shape);
        Assert.Equal([1.5, 1, 3], y.ToArray());
    }

    [Fact]
    public void Backward_by_hand_and_gradients_accumulate()
    {
        var dense = Dense.FromWeights(Tensor.FromArray([1, 0, 0, 1, 1, 1], 3, 2), Tensor.From([0.5, -1, 0]));
        dense.Forward(Tensor.FromArray([1, 2], 1, 2));
        var dx = dense.Backward(Tensor.FromArray([1, 2, 3], 1, 3));
        // ∂L/∂x = dOut·W = (1·1 + 2·0 + 3·1, 1·0 + 2·1 + 3·1) = (4, 5)
        Assert.Equal([4, 5], dx.ToArray());
        // ∂L/∂W = dOutᵀ·x = rows (1·1, 1·2), (2·1, 2·2), (3·1, 3·2); ∂L/∂b = dOut
        Assert.Equal([1, 2, 2, 4, 3, 6], dense.W.Grad.ToArray());
        Assert.Equal([1, 2, 3], dense.B.Grad.ToArray());
        dense.Backward(Tensor.FromArray([1, 2, 3], 1, 3));   // a second backward adds
        Assert.Equal([2, 4, 4, 8, 6, 12], dense.W.Grad.ToArray());
        dense.ZeroGrad();
        Assert.Equal(0, dense.W.Grad.Norm() + dense.B.Grad.Norm());
    }

    [Fact]
    public void Gradients_pass_the_layer_check_on_random_shapes_inputs_and_parameters() =>
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 6], Gen.Int[1, 5], Gen.Int).Sample((batch, inputs, outputs, seed) =>
        {
            var dense = new Dense(inputs, outputs, seed, new Normal(1));
            dense.B.Value.CopyFrom(Tensor.Normal(seed + 1, 0, 1, outputs));
            var x = Tensor.Normal(seed + 2, 0, 2, batch, inputs);
            LayerCheck.Passes(dense, x);
        }, iter: 40);

    [Fact]
    public void Same_seed_same_weights_and_the_default_initialiser_is_He()
    {
        Assert.Equal(new Dense(5, 4, seed: 7).W.Value.ToArray(), new Dense(5, 4, seed: 7).W.Value.ToArray());
        Assert.NotEqual(new Dense(5, 4, seed: 7).W.Value.ToArray(), new Dense(5, 4, seed: 8).W.Value.ToArray());
        var dense = new Dense(5, 4);
        Assert.IsType<HeNormal>(dense.Init);
        Assert.Equal([4, 5], dense.W.Value.Shape);
        Assert.Equal(0, dense.B.Value.Norm());
        Assert.True(dense.W.Decay);
        Assert.False(dense.B.Decay);
        Assert.Equal(["dense.W", "dense.b"], dense.Parameters().Select(p => p.Name));
        Assert.Equal(new Dense(5, 4, new Random(3)).W.Value.ToArray(), new Dense(5, 4, seed: 3).W.Value.ToArray());
    }

    [Fact]
    public void Wrong_input_width_names_expected_and_actual_shapes()
    {
        var dense = new Dense(784, 128);
        var e = Assert.Throws<ArgumentException>(() => dense.Forward(Tensor.Zeros(64, 10)));
        Assert.StartsWith("Dense(784 → 128) expects input [batch, 784], got [64, 10]", e.Message);
        Assert.Throws<ArgumentException>(() => dense.Forward(Tensor.Zeros(784)));
    }

    [Fact]
    public void Backward_before_forward_and_wrong_dOut_shape_are_rejected()
    {
        var dense = new Dense(3, 2);
        var e = Assert.Throws<InvalidOperationException>(() => dense.Backward(Tensor.Zeros(4, 2)));
        Assert.Contains("before Forward", e.Message);
        dense.Forward(Tensor.Zeros(4, 3));
        var shape = Assert.Throws<ArgumentException>(() => dense.Backward(Tensor.Zeros(4, 3)));
        Assert.Contains("[4, 2]", shape.Message);
        Assert.Contains("got [4, 3]", shape.Message);
    }

    [Fact]
    public void Bad_sizes_and_weights_are_rejected()
    {
        Assert.Contains("Dense(0 → 3)", Assert.Throws<ArgumentException>(() => new Dense(0, 3)).Message);
        var e = Assert.Throws<ArgumentException>(() => Dense.FromWeights(Tensor.Zeros(3, 2), Tensor.Zeros(2)));
        Assert.Contains("[3]", e.Message);
        Assert.Contains("[2]", e.Message);
    }
}
