using CourseKit.Checking;
using CourseKit.Tests.Layers;
using CourseKit.Activations;
using CsCheck;

namespace CourseKit.Tests.Activations;

/// <summary>Every element-wise activation: Derivative against a numeric derivative of Apply, and the layer's Backward
/// against a numeric gradient (relative error &lt; 1e-7), on random inputs away from the kink at 0.</summary>
public class ActivationGradientTests
{
    public static TheoryData<string> Names => [.. _factories.Keys];

    private static readonly Dictionary<string, Func<Activation>> _factories = new()
    {
        ["Step"] = () => new Step(),
        ["Sigmoid"] = () => new Sigmoid(),
        ["Tanh"] = () => new Tanh(),
        ["ReLU"] = () => new ReLU(),
        ["LeakyReLU"] = () => new LeakyReLU(),
        ["LeakyReLU(0.01)"] = () => new LeakyReLU(0.01),
        ["RandomizedReLU(eval)"] = () => { var r = new RandomizedReLU(0.1, 0.3, seed: 1); r.Eval(); return r; },
        ["PReLU(shared)"] = () => new PReLU(),
        ["PReLU(per feature)"] = () => new PReLU(features: 4, initialAlpha: 0.1),
        ["ELU"] = () => new ELU(),
        ["ELU(0.5)"] = () => new ELU(0.5),
        ["SELU"] = () => new SELU(),
        ["GELU"] = () => new GELU(),
        ["GELUApprox"] = () => new GELUApprox(),
        ["Swish"] = () => new Swish(),
        ["Swish(learned)"] = () => new Swish(0.8, learnable: true),
        ["Mish"] = () => new Mish(),
    };

    // Inputs in [−6, 6] at least 1e-3 away from the kink at 0 (h = 1e-5 never crosses it).
    private static readonly Gen<double> _input = Gen.Double[-6, 6].Where(z => Math.Abs(z) > 1e-3);

    [Theory, MemberData(nameof(Names))]
    public void Derivative_matches_the_numeric_derivative_of_Apply(string name)
    {
        var f = _factories[name]();
        _input.Sample(z =>
        {
            double numeric = Close.Derivative(f.Apply, z), analytic = f.Derivative(z);
            Assert.True(Close.Rel(analytic, numeric) < 1e-7 || Math.Abs(analytic - numeric) < 1e-10,
                $"{name}: f′({z:R}) = {analytic:R}, numeric {numeric:R}");
        }, iter: 300);
    }

    [Theory, MemberData(nameof(Names))]
    public void Backward_passes_the_gradient_check(string name) =>
        Gen.Select(_input.Array[12], Gen.Double[-1, 1].Array[12]).Sample((x, g) =>
        {
            var layer = _factories[name]();
            GradientCheck.Check(layer, Tensor.FromArray(x, 3, 4), Tensor.FromArray(g, 3, 4))
                .AssertPassed(LayerCheck.Relative, LayerCheck.Absolute);
        }, iter: 40);

    [Theory, MemberData(nameof(Names))]
    public void Forward_agrees_with_Apply_and_Backward_with_Derivative_elementwise(string name)
    {
        var f = _factories[name]();
        // Shape [2, 4] so the per-feature PReLU (4 slopes, all 0.1) fits. Tolerance 1e-11: the SIMD forms round differently
        // from Math.Tanh/Math.Exp by a few ulps, and tanh′ = 1 − y² cancels where y² is near 1.
        double[] z = [-3, -1.5, -0.25, 0.5, 1, 4, -0.75, 2.5];
        var y = f.Forward(Tensor.FromArray(z, 2, 4)).ToArray();
        var dz = f.Backward(Tensor.Ones(2, 4)).ToArray();
        for (int i = 0; i < z.Length; i++)
        {
            Close.Equal(f.Apply(z[i]), y[i], 1e-11, $"{name} f({z[i]})");
            Close.Equal(f.Derivative(z[i]), dz[i], 1e-11, $"{name} f′({z[i]})");
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void No_NaN_or_infinity_at_plus_minus_1000(string name)
    {
        var f = _factories[name]();
        double[] z = [-1000, -700, -50, -1, 1, 50, 700, 1000];
        foreach (double v in z)
        {
            Assert.True(double.IsFinite(f.Apply(v)), $"{name}({v}) = {f.Apply(v)}");
            Assert.True(double.IsFinite(f.Derivative(v)), $"{name}′({v}) = {f.Derivative(v)}");
        }
        var layer = _factories[name]();
        var y = layer.Forward(Tensor.FromArray(z, 2, 4));
        var dz = layer.Backward(Tensor.Ones(2, 4));
        Assert.All(y.ToArray(), v => Assert.True(double.IsFinite(v), $"{name} forward gave {v}"));
        Assert.All(dz.ToArray(), v => Assert.True(double.IsFinite(v), $"{name} backward gave {v}"));
    }
}
