using CourseKit.Checking;
using CourseKit.Layers;

namespace CourseKit.Tests.Layers;

/// <summary>
/// The layer check as the layer tests use it: every entry must have relative error &lt; 1e-7, except entries
/// whose absolute error is below 1e-9. The central difference has its own noise: L = Σ y ⊙ G (|L| ≈ 1–10) is
/// computed to about 1e-15, so (L(x + h) − L(x − h))/2h with h = 1e-5 is off by ≈ 1e-11–1e-10 whatever the layer
/// does. An entry whose true gradient is ≈ 1e-5 or smaller (random data produce some) therefore shows a relative
/// error above 1e-7 with a correct backward pass; a wrong backward pass is off by far more than 1e-9.
/// </summary>
internal static class LayerCheck
{
    public const double Relative = 1e-7;
    public const double Absolute = 1e-9;

    public static GradientCheckReport Passes(Layer layer, Tensor x) =>
        GradientCheck.Check(layer, x).AssertPassed(Relative, Absolute);

    /// <summary>
    /// The smallest standard deviation of a column over the batch. Batch norm's output has third derivatives of
    /// order 1/s³ in a column of spread s, so the central difference's truncation error (≈ h²/s² relative) stays
    /// far below 1e-7 only when s ≫ h/√1e-7 ≈ 0.03; the batch norm property tests draw inputs with s ≥ 0.2
    /// (layer norm likewise per row: pass the transpose).
    /// </summary>
    public static double MinColumnStd(Tensor t)
    {
        var centred = t - t.Mean(0);
        return centred.Square().Mean(0).Sqrt().Min();
    }
}
