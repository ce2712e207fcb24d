using CourseKit.Activations;
using CourseKit.Layers;

namespace CourseKit.Tests.Layers;

/// <summary>Backward pass II only (<see cref="Layer.BackwardParameters"/>) fills the same parameter gradients as <see cref="Layer.Backward"/>.</summary>
public class BackwardParametersTests
{
    private static Sequential Mlp(int seed) =>
        new(new Dense(5, 4, seed), new ReLU(), new Dense(4, 3, seed + 1));

    [Fact]
    public void Dense_adds_the_weight_and_bias_gradients_of_Backward()
    {
        var dense = new Dense(3, 2, seed: 7);
        var x = Tensor.Normal(1, 0, 1, 4, 3);
        var g = Tensor.Normal(2, 0, 1, 4, 2);
        dense.Forward(x);
        dense.W.Grad.Fill(0.5);   // accumulates into what is there, as Backward does
        dense.B.Grad.Fill(-1);
        dense.BackwardParameters(g);
        // ∂L/∂W = gᵀ·x and ∂L/∂b = Σ_rows g, computed here with plain loops
        for (int o = 0; o < 2; o++)
        {
            double db = 0;
            for (int r = 0; r < 4; r++) db += g[r, o];
            Close.Equal(-1 + db, dense.B.Grad[o], 1e-14);
            for (int i = 0; i < 3; i++)
            {
                double dw = 0;
                for (int r = 0; r < 4; r++) dw += g[r, o] * x[r, i];
                Close.Equal(0.5 + dw, dense.W.Grad[o, i], 1e-14);
            }
        }
    }

    [Fact]
    public void Sequential_fills_every_parameter_gradient_as_Backward_does()
    {
        var x = Tensor.Normal(3, 0, 1, 6, 5);
        var g = Tensor.Normal(4, 0, 1, 6, 3);
        var full = Mlp(11);
        var partial = Mlp(11);
        full.Forward(x);
        full.Backward(g);
        partial.Forward(x);
        partial.BackwardParameters(g);
        foreach (var (a, b) in full.Parameters().Zip(partial.Parameters()))
        {
            Assert.Equal(a.Name, b.Name);
            Assert.True(a.Grad.AllClose(b.Grad, 1e-14, 1e-15), $"{a.Name}: {a.Grad} vs {b.Grad}");
            Assert.True(b.Grad.Norm() > 0, $"{b.Name} got no gradient");
        }
    }

    [Fact]
    public void A_first_layer_without_a_BackwardParameters_of_its_own_runs_its_Backward()
    {
        // ReLU first: the default BackwardParameters runs Backward, so the Dense after it gets the same gradient.
        var x = Tensor.Normal(5, 0, 1, 3, 4);
        var g = Tensor.Normal(6, 0, 1, 3, 2);
        var full = new Sequential(new ReLU(), new Dense(4, 2, seed: 9));
        var partial = new Sequential(new ReLU(), new Dense(4, 2, seed: 9));
        full.Forward(x);
        full.Backward(g);
        partial.Forward(x);
        partial.BackwardParameters(g);
        Assert.True(full.Parameters().First().Grad.AllClose(partial.Parameters().First().Grad, 1e-14, 1e-15));
    }

    [Fact]
    public void Before_Forward_it_says_so()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Dense(2, 2).BackwardParameters(Tensor.Zeros(1, 2)));
        Assert.Contains("before Forward", error.Message);
    }
}
