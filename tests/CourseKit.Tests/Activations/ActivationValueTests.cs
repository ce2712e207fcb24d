using CourseKit.Checking;
using CourseKit.Tests.Layers;
using CourseKit.Activations;
using CsCheck;

namespace CourseKit.Tests.Activations;

/// <summary>Known values, constants, modes and parameters of the activations.</summary>
public class ActivationValueTests
{
    [Fact]
    public void SELU_uses_the_exact_constants_and_the_seed_rounds_them_to_1_05_and_1_67()
    {
        // Klambauer et al. (2017), eq. 14: λ01 ≈ 1.0507009873554804934193349852946, α01 ≈ 1.6732632423543772848170429916717.
        Assert.Equal(1.0507009873554805, SELU.Lambda);
        Assert.Equal(1.6732632423543772, SELU.Alpha);
        Assert.Equal(1.05, Math.Round(SELU.Lambda, 2));
        Assert.Equal(1.67, Math.Round(SELU.Alpha, 2));
        var selu = new SELU();
        Close.Equal(1.0507009873554805 * 2, selu.Apply(2), 1e-15);
        // z = −1: λα(e⁻¹ − 1) = 1.0507009873554805 · 1.6732632423543772 · (−0.6321205588285577) = −1.1113307378125628
        Close.Equal(-1.1113307378125628, selu.Apply(-1), 1e-15);
        // the lecture's rounded form 1.05·ELU₁.₆₇(z): for z < 0 the factor 1.05·1.67 = 1.7535 against λα = 1.7581, 0.26 % smaller
        double ratio = 1.05 * new ELU(1.67).Apply(-1) / selu.Apply(-1);
        Assert.InRange(ratio, 0.997, 0.998);
        // the negative saturation value is −λα ≈ −1.7581
        Close.Equal(-SELU.Lambda * SELU.Alpha, selu.Apply(-1000), 1e-15);
    }

    [Fact]
    public void GELU_exact_values_from_the_normal_cdf()
    {
        var gelu = new GELU();
        Close.Equal(0.8413447460685429, gelu.Apply(1), 1e-15, "GELU(1) = Φ(1)");
        // z·Φ(z) with Φ from mpmath: Φ(−3) = 0.0013498980316300945, Φ(−1) = 0.15865525393145705, Φ(3) = 0.99865010196836991
        Close.Equal(-0.0040496940948902836, gelu.Apply(-3), 2e-15, "GELU(−3)");
        Close.Equal(-0.15865525393145705, gelu.Apply(-1), 2e-15, "GELU(−1)");
        Close.Equal(2.9959503059051097, gelu.Apply(3), 2e-15, "GELU(3)");
        Assert.Equal(0.0, gelu.Apply(0));
        // GELU′(0) = Φ(0) = ½; its minimum is where GELU′ = 0, z ≈ −0.7517915246935645 (mpmath findroot)
        Close.Equal(0.5, gelu.Derivative(0), 1e-15);
        Assert.True(Math.Abs(gelu.Derivative(-0.7517915246935645)) < 1e-15);
    }

    [Fact]
    public void GELUApprox_is_swish_with_beta_1_702_and_stays_within_0_021_of_exact_GELU()
    {
        var approx = new GELUApprox();
        var swish = new Swish(1.702);
        var exact = new GELU();
        Gen.Double[-8, 8].Sample(z =>
        {
            Close.Equal(swish.Apply(z), approx.Apply(z), 1e-15, $"at {z}");
            Assert.True(Math.Abs(exact.Apply(z) - approx.Apply(z)) < 0.021, $"gap at {z}");
        });
        // 1·σ(1.702) = 1/(1 + e^−1.702) = 1/(1 + 0.18228...) = 0.845824...
        Close.Equal(1 / (1 + Math.Exp(-1.702)), approx.Apply(1), 1e-15);
    }

    [Fact]
    public void Sigmoid_tanh_step_relu_by_hand()
    {
        Assert.Equal(0.5, new Sigmoid().Apply(0));
        Assert.Equal(0.25, new Sigmoid().Derivative(0));
        Close.Equal(1 / (1 + Math.Exp(-2)), new Sigmoid().Apply(2), 1e-15);
        Assert.Equal(1.0, new Tanh().Derivative(0));
        Assert.Equal(1.0, new Step().Apply(0));
        Assert.Equal(0.0, new Step().Apply(-0.1));
        Assert.Equal(0.0, new Step().Derivative(0.3));
        Assert.Equal(0.0, new ReLU().Apply(-2));
        Assert.Equal(0.0, new ReLU().Derivative(0)); // the kink: backward uses 0
        Assert.Equal(-0.4, new LeakyReLU().Apply(-2), 15); // α = 0.2, the lecture's default
        Assert.Equal(0.2, new LeakyReLU().Alpha);
        Close.Equal(Math.Exp(-1) - 1, new ELU().Apply(-1), 1e-15);
        Close.Equal(-1e-10, new ELU().Apply(-1e-10), 1e-9, "ELU keeps digits near 0 (e^z − 1 without cancellation)");
    }

    [Fact]
    public void Mish_and_swish_values_by_hand()
    {
        // Mish(1) = tanh(ln(1 + e)) = tanh(1.3132616875182228) = 0.8650983882673103
        Close.Equal(Math.Tanh(Math.Log(1 + Math.E)), new Mish().Apply(1), 1e-15);
        Close.Equal(0.8650983882673103, new Mish().Apply(1), 1e-14);
        // Mish′(0) = tanh(ln 2) = 0.6
        Close.Equal(0.6, new Mish().Derivative(0), 1e-15);
        // Swish₁(1) = σ(1) = 0.7310585786300049
        Close.Equal(0.7310585786300049, new Swish().Apply(1), 1e-15);
        Close.Equal(-1000 * Math.Exp(-1000.0 * 2), new Swish(2).Apply(-1000), 1e-15); // underflows to −0 both ways
    }

    [Fact]
    public void Saturating_tails_have_the_right_limits()
    {
        Assert.Equal(1.0, new Sigmoid().Apply(1000));
        Assert.Equal(0.0, new Sigmoid().Apply(-1000));
        Assert.Equal(0.0, new Sigmoid().Derivative(1000));
        Assert.Equal(-1.0, new Tanh().Apply(-1000));
        Assert.Equal(1000.0, new Mish().Apply(1000));
        Assert.True(Math.Abs(new Mish().Apply(-1000)) < 1e-300);
        Assert.Equal(1000.0, new GELU().Apply(1000));
        Assert.True(Math.Abs(new GELU().Apply(-1000)) < 1e-300);
        Assert.Equal(-1.0, new ELU().Apply(-1000));
        Assert.Equal(1000.0, new Swish().Apply(1000));
    }

    [Fact]
    public void RandomizedReLU_draws_slopes_in_training_and_uses_their_mean_at_inference()
    {
        var rrelu = new RandomizedReLU(0.1, 0.3, seed: 7);
        var x = Tensor.Full(-1, 4, 50);
        var y = rrelu.Forward(x);
        var slopes = rrelu.LastSlopes.ToArray();
        Assert.Equal(200, slopes.Length);
        Assert.All(slopes, a => Assert.InRange(a, 0.1, 0.3));
        Assert.True(slopes.Distinct().Count() > 150, "slopes are drawn per element");
        Assert.InRange(slopes.Average(), 0.18, 0.22); // mean of U(0.1, 0.3) is 0.2, sd of the mean ≈ 0.058/√200 ≈ 0.004
        for (int i = 0; i < 200; i++) Assert.Equal(-slopes[i], y.Span[i]); // y = α·(−1)
        // backward uses the same slopes
        var dz = rrelu.Backward(Tensor.Full(2, 4, 50));
        for (int i = 0; i < 200; i++) Assert.Equal(2 * slopes[i], dz.Span[i]);
        // the same seed gives the same slopes
        var again = new RandomizedReLU(0.1, 0.3, seed: 7);
        again.Forward(x);
        Assert.Equal(slopes, again.LastSlopes.ToArray());

        rrelu.Eval();
        var yEval = rrelu.Forward(Tensor.FromArray([-2, 3], 1, 2));
        Close.Equal(-0.4, yEval[0, 0], 1e-15, "inference: mean slope (0.1 + 0.3)/2 = 0.2");
        Assert.Equal(3.0, yEval[0, 1]);
        Assert.Equal(0.2, rrelu.Backward(Tensor.Ones(1, 2))[0, 0], 15);
    }

    [Fact]
    public void PReLU_learns_alpha_from_negative_inputs_only()
    {
        // two features; grad α_f = Σ over rows with z ≤ 0 of z·dy
        var prelu = new PReLU(features: 2, initialAlpha: 0.25);
        var x = Tensor.From(new double[,] { { -1, 2 }, { -3, -4 }, { 5, -0.5 } });
        var y = prelu.Forward(x);
        Assert.Equal(new double[] { -0.25, 2, -0.75, -1, 5, -0.125 }, y.ToArray());
        var dy = Tensor.From(new double[,] { { 1, 1 }, { 2, 1 }, { 1, 3 } });
        prelu.Backward(dy);
        // feature 0: (−1)(1) + (−3)(2) = −7; feature 1: (−4)(1) + (−0.5)(3) = −5.5
        Assert.Equal(new double[] { -7, -5.5 }, prelu.Alpha.Grad.ToArray());
        Assert.False(prelu.Alpha.Decay);
        Assert.Single(prelu.Parameters());
    }

    [Fact]
    public void PReLU_per_channel_on_rank_4_input_uses_axis_1()
    {
        var prelu = new PReLU(features: 2, initialAlpha: 0.5);
        prelu.Alpha.Value[1] = 0.1;
        var x = Tensor.Full(-1, 1, 2, 2, 2); // [batch, channels, h, w]
        var y = prelu.Forward(x).ToArray();
        Assert.Equal(new double[] { -0.5, -0.5, -0.5, -0.5, -0.1, -0.1, -0.1, -0.1 }, y);
        // a fresh layer per sample: CsCheck runs samples on several threads
        Gen.Select(Gen.Double[-3, 3].Where(v => Math.Abs(v) > 1e-3).Array[16], Gen.Double[-1, 1].Array[16]).Sample((xs, g) =>
            GradientCheck.Check(new PReLU(features: 2, initialAlpha: 0.3), Tensor.FromArray(xs, 2, 2, 2, 2), Tensor.FromArray(g, 2, 2, 2, 2))
                .AssertPassed(LayerCheck.Relative, LayerCheck.Absolute), iter: 20);
    }

    [Fact]
    public void Swish_learnable_beta_gets_a_gradient_and_fixed_beta_has_no_parameter()
    {
        Assert.Empty(new Swish(1.5).Parameters());
        var swish = new Swish(1.5, learnable: true);
        var x = Tensor.FromArray([-2, 0.5, 3], 1, 3);
        swish.Forward(x);
        swish.Backward(Tensor.Ones(1, 3));
        // ∂/∂β Σ zσ(βz) = Σ z²σ(βz)(1 − σ(βz))
        double expected = new[] { -2.0, 0.5, 3 }.Sum(z => { double s = 1 / (1 + Math.Exp(-1.5 * z)); return z * z * s * (1 - s); });
        Close.Equal(expected, swish.BetaParameter!.Grad[0], 1e-14);
        Close.Equal(expected, new[] { -2.0, 0.5, 3 }.Sum(swish.DerivativeBeta), 1e-14);
        swish.BetaParameter.Value[0] = 2;
        Assert.Equal(2, swish.Beta);
    }

    [Fact]
    public void Bad_arguments_say_what_was_expected()
    {
        Assert.Contains("slope α in [0, 1], got 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyReLU(1.5)).Message);
        Assert.Contains("0 ≤ lower ≤ upper ≤ 1, got lower = 0.5, upper = 0.2",
            Assert.Throws<ArgumentOutOfRangeException>(() => new RandomizedReLU(0.5, 0.2, seed: 1)).Message);
        Assert.Contains("α > 0, got 0", Assert.Throws<ArgumentOutOfRangeException>(() => new ELU(0)).Message);
        var prelu = new PReLU(features: 3);
        Assert.Contains("expects input of shape [batch, 3, ...] (features on axis 1), got [2, 4]",
            Assert.Throws<ArgumentException>(() => prelu.Forward(Tensor.Zeros(2, 4))).Message);
        var relu = new ReLU();
        Assert.Contains("Backward was called before Forward", Assert.Throws<InvalidOperationException>(() => relu.Backward(Tensor.Zeros(2))).Message);
        relu.Forward(Tensor.Zeros(2, 3));
        Assert.Contains("∂L/∂output has shape [3, 2] but the last output has shape [2, 3]",
            Assert.Throws<ArgumentException>(() => relu.Backward(Tensor.Zeros(3, 2))).Message);
    }
}
