using CourseKit.Optimisers;
using static CourseKit.Tests.Optimisers.OptimiserTesting;

namespace CourseKit.Tests.Optimisers;

/// <summary>Weight decay, L2, AdamW, clipping and max-norm (the lecture “Deep networks”, §3–4).</summary>
public class RegularisationTests
{
    /// <summary>J = ½Σ aᵢθᵢ², aᵢ spread over three orders of magnitude, ∇J = a ⊙ θ.</summary>
    private static readonly double[] _curvatures = [100, 1, 0.01];

    private static void LossGradient(Parameter p)
    {
        for (int i = 0; i < _curvatures.Length; i++) p.Grad[i] = _curvatures[i] * p.Value[i];
    }

    private static Parameter Weights() => new("w", Tensor.From([1.0, -2.0, 3.0]));

    private static double[] Train(Optimiser opt, Parameter p, double l2, int steps)
    {
        for (int t = 0; t < steps; t++)
        {
            opt.ZeroGrad();
            LossGradient(p);
            if (l2 > 0) L2Penalty.Apply([p], l2);
            opt.Step();
        }
        return p.Value.ToArray();
    }

    [Fact]
    public void For_gradient_descent_weight_decay_equals_L2_with_lambda_scaled_by_eta()
    {
        // φ − η(∇L + λφ) = (1 − ηλ)φ − η∇L: decay factor ηλ.
        const double eta = 0.005, lambda = 2;
        Parameter a = Weights(), b = Weights();
        var withL2 = Train(new GradientDescent([a], eta), a, lambda, 50);
        var withDecay = Train(new GradientDescent([b], eta) { WeightDecay = eta * lambda }, b, 0, 50);
        Equal(withL2, withDecay, 1e-13);
    }

    [Fact]
    public void For_Adam_decoupled_decay_differs_from_L2()
    {
        // Same λ = 2 as a penalty (Adam + L2) and as decoupled decay (AdamW, θ ← (1 − ηλ)θ each step), η = 0.01, 50 steps
        // from θ0 = (1, −2, 3). Adam normalises the whole gradient ∇L + λθ by √v̂: its sign never changes here, so each
        // coordinate moves by at most about η per step, whatever the size of λθ: at most 50·0.01 = 0.5 in total.
        // AdamW multiplies every weight by (1 − ηλ) = 0.98 per step on top of the Adam step (which also points to 0):
        // |θ_i| ≤ 0.98^50·|θ0_i| ≈ 0.364·|θ0_i|, which for θ0 = 3 is ≈ 1.09, far below Adam + L2's ≥ 2.5.
        const double eta = 0.01, lambda = 2;
        double[] theta0 = Weights().Value.ToArray();
        Parameter a = Weights(), b = Weights();
        var adamL2 = Train(new Adam([a], eta), a, lambda, 50);
        var adamW = Train(new AdamW([b], eta, decoupledDecay: lambda), b, 0, 50);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(theta0[i]) - Math.Abs(adamL2[i]) <= 50 * eta * 1.001, $"Adam + L2 moved θ{i} from {theta0[i]} to {adamL2[i]}");
            Assert.True(Math.Abs(adamW[i]) <= Math.Pow(1 - eta * lambda, 50) * Math.Abs(theta0[i]), $"AdamW left θ{i} at {adamW[i]}");
        }
        Assert.True(Math.Abs(adamL2[2]) - Math.Abs(adamW[2]) > 1, $"Adam + L2 {adamL2[2]} vs AdamW {adamW[2]}");
    }

    [Fact]
    public void AdamW_with_zero_decay_is_Adam()
    {
        Parameter a = Weights(), b = Weights();
        Equal(Train(new Adam([a], 0.01), a, 0, 20), Train(new AdamW([b], 0.01, decoupledDecay: 0), b, 0, 20), 0);
    }

    [Fact]
    public void L2Penalty_adds_lambda_phi_to_weights_only_and_returns_half_lambda_norm_squared()
    {
        // λ = 0.1, W = (1, 2) with decay, b = (10) without: penalty = 0.05·(1 + 4) = 0.25; ∇W += (0.1, 0.2); ∇b unchanged
        var w = new Parameter("W", Tensor.From([1.0, 2.0]));
        var bias = new Parameter("b", Tensor.From([10.0]), decay: false);
        w.Grad[0] = 1;
        Assert.Equal(0.25, L2Penalty.Value([w, bias], 0.1), 1e-15);
        Assert.Equal(0.25, L2Penalty.Apply([w, bias], 0.1), 1e-15);
        Assert.Equal(1.1, w.Grad[0], 1e-15);
        Assert.Equal(0.2, w.Grad[1], 1e-15);
        Assert.Equal(0, bias.Grad[0]);
    }

    [Fact]
    public void L2Penalty_gradient_matches_a_finite_difference_of_its_value()
    {
        var w = new Parameter("W", Tensor.From([0.3, -1.7, 2.2]));
        L2Penalty.Apply([w], 0.7);
        for (int i = 0; i < 3; i++)
        {
            double x = w.Value[i];
            double numeric = Close.Derivative(v => { w.Value[i] = v; return L2Penalty.Value([w], 0.7); }, x);
            w.Value[i] = x;
            Close.Equal(numeric, w.Grad[i], 1e-9, $"∂/∂W[{i}]");
        }
    }

    [Fact]
    public void ClipByValue_clips_each_component()
    {
        var p = new Parameter("W", Tensor.From([0.0, 0.0, 0.0]));
        p.Grad[0] = 3; p.Grad[1] = -0.5; p.Grad[2] = -7;
        Assert.Equal(2, GradientClipping.ByValue([p], 1));
        Assert.Equal([1, -0.5, -1], p.Grad.ToArray());
    }

    [Fact]
    public void ClipByNorm_rescales_all_gradients_together_and_returns_the_norm_before()
    {
        // g = (3, 0) and (0, 4): ‖g‖ = √(9 + 16) = 5 > 1 → scale 1/5: (0.6, 0), (0, 0.8)
        Parameter a = new("a", Tensor.From([0.0, 0.0])), b = new("b", Tensor.From([0.0, 0.0]));
        a.Grad[0] = 3; b.Grad[1] = 4;
        Assert.Equal(5, GradientClipping.ByNorm([a, b], 1), 1e-15);
        Assert.Equal(0.6, a.Grad[0], 1e-15);
        Assert.Equal(0.8, b.Grad[1], 1e-15);
        // already below the bound: unchanged; norm 1 reported
        Assert.Equal(1, GradientClipping.ByNorm([a, b], 2), 1e-15);
        Assert.Equal(0.6, a.Grad[0], 1e-15);
    }

    [Fact]
    public void MaxNorm_rescales_rows_longer_than_c_and_leaves_biases()
    {
        // W rows (3, 4), ‖·‖ = 5 → (0.6, 0.8); (0.3, 0.4), ‖·‖ = 0.5 ≤ 1 → kept. Bias (10) has Decay = false → kept.
        var w = new Parameter("W", Tensor.From(new double[,] { { 3, 4 }, { 0.3, 0.4 } }));
        var bias = new Parameter("b", Tensor.From([10.0]), decay: false);
        Assert.Equal(1, MaxNorm.Apply([w, bias], 1));
        Assert.Equal([0.6, 0.8, 0.3, 0.4], w.Value.ToArray().Select(x => Math.Round(x, 14)));
        Assert.Equal(10, bias.Value[0]);
    }
}
