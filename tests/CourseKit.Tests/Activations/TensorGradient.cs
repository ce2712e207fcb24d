using CourseKit.Checking;
using CourseKit.Layers;
using CourseKit.Losses;

namespace CourseKit.Tests;

/// <summary>
/// A minimal private tensor/layer/loss gradient check on top of <see cref="GradientCheck.NumericInPlace"/> and
/// <see cref="GradientCheck.Compare"/>, until the layers branch adds the library's own tensor overloads
/// (Checking/GradientCheck.Tensor.cs). Layer: L = Σ layer.Forward(x) ⊙ G; analytic ∂L/∂x from Backward(G) and ∂L/∂φ
/// from the parameter gradients, numeric by perturbing x and every parameter in place.
/// </summary>
internal static class TensorGradient
{
    /// <summary>Central-difference noise: rounding of L (≈ 1e-15·|L|) over 2h = 2e-5, so gradients below 1e-9 are compared absolutely.</summary>
    public const double AbsoluteFloor = 1e-9;

    public static GradientCheckReport Layer(Layer layer, Tensor x, Tensor upstream)
    {
        var parameters = layer.Parameters().ToList();
        foreach (var p in parameters) p.ZeroGrad();
        layer.Forward(x);
        var dx = layer.Backward(upstream);
        var analytic = new List<double>(dx.ToArray());
        var names = new List<string>(Enumerable.Range(0, x.Length).Select(i => $"x[{i}]"));
        foreach (var p in parameters)
        {
            analytic.AddRange(p.Grad.ToArray());
            names.AddRange(Enumerable.Range(0, p.Value.Length).Select(i => $"{p.Name}[{i}]"));
        }
        double L() => Tensor.Dot(layer.Forward(x), upstream);
        var numeric = new List<double>(GradientCheck.NumericInPlace(L, x.Span));
        foreach (var p in parameters) numeric.AddRange(GradientCheck.NumericInPlace(L, p.Value.Span));
        return GradientCheck.Compare([.. analytic], [.. numeric], names);
    }

    /// <summary>A loss's Backward against central differences of Forward in the prediction; a smaller step
    /// <paramref name="h"/> for losses with large third derivatives (−t·log p near p = 0: truncation error h²f‴/6).</summary>
    public static GradientCheckReport Loss(Loss loss, Tensor prediction, Tensor target, double h = GradientCheck.DefaultStep)
    {
        loss.Forward(prediction, target);
        var analytic = loss.Backward().ToArray();
        var numeric = GradientCheck.NumericInPlace(() => loss.Forward(prediction, target), prediction.Span, h);
        return GradientCheck.Compare(analytic, numeric);
    }

    public static GradientCheckReport Loss(Func<Tensor, double> forward, Func<Tensor> backward, Tensor prediction)
    {
        forward(prediction);
        var analytic = backward().ToArray();
        var numeric = GradientCheck.NumericInPlace(() => forward(prediction), prediction.Span);
        return GradientCheck.Compare(analytic, numeric);
    }
}
