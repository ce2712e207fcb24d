namespace CourseKit.Layers;

/// <summary>
/// What <see cref="BatchNorm"/> and <see cref="LayerNorm"/> share. Both standardise x along one axis, batch norm down
/// the batch (axis 0: each feature over the examples), layer norm across the features (axis 1: each example over its
/// features), then scale and shift every feature: x̂ = (x − μ)/√(σ² + ε), y = γ ⊙ x̂ + β.
/// </summary>
internal static class Normalisation
{
    /// <summary>The n values along <paramref name="axis"/> give μ = (1/n) Σ x and σ² = (1/n) Σ (x − μ)², kept as a row
    /// (axis 0) or a column (axis 1) so that they broadcast against x.</summary>
    public static (Tensor Mean, Tensor Variance) Moments(Tensor x, int axis)
    {
        int n = x.Shape[axis];
        var mean = x.Mean(axis, keepDims: true);
        var variance = (x - mean).Square().Sum(axis, keepDims: true) / n;
        return (mean, variance);
    }

    /// <summary>x̂ = (x − μ)/√(σ² + ε), and 1/√(σ² + ε), which the backward pass needs.</summary>
    public static (Tensor XHat, Tensor InverseStd) Standardise(Tensor x, Tensor mean, Tensor variance, double eps)
    {
        var inverseStd = 1.0 / (variance + eps).Sqrt();
        return ((x - mean) * inverseStd, inverseStd);
    }

    /// <summary>y = γ ⊙ x̂ + β, γ and β one value per feature.</summary>
    public static Tensor ScaleAndShift(Tensor xHat, Parameter gamma, Parameter beta) => gamma.Value * xHat + beta.Value;

    /// <summary>The backward pass of y = γ ⊙ x̂ + β: ∂L/∂γ += Σᵢ ∂L/∂yᵢ ⊙ x̂ᵢ and ∂L/∂β += Σᵢ ∂L/∂yᵢ (sums over the
    /// batch); returns g = γ ⊙ ∂L/∂y, which is ∂L/∂x̂.</summary>
    public static Tensor ScaleAndShiftBackward(Tensor dOut, Tensor xHat, Parameter gamma, Parameter beta)
    {
        gamma.Grad.AddInPlace((dOut * xHat).Sum(axis: 0));
        beta.Grad.AddInPlace(dOut.Sum(axis: 0));
        return gamma.Value * dOut;
    }

    /// <summary>
    /// ∂L/∂x through x̂ = (x − μ)/σ when μ and σ² are the statistics of the n values along <paramref name="axis"/>, so that
    /// every x of the axis moves them: with g = ∂L/∂x̂ and the sums along the axis,
    /// ∂L/∂x = (1/(nσ)) (n g − Σ g − x̂ Σ g ⊙ x̂).
    /// </summary>
    public static Tensor InputGradient(Tensor g, Tensor xHat, Tensor inverseStd, int axis)
    {
        int n = xHat.Shape[axis];
        var sumG = g.Sum(axis, keepDims: true);
        var sumGXHat = (g * xHat).Sum(axis, keepDims: true);
        return inverseStd / n * (n * g - sumG - xHat * sumGXHat);
    }

    /// <summary>Checks that x is [batch, features].</summary>
    public static void CheckInput(Layer layer, Tensor x, int features)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2 || x.Cols != features)
            throw new ArgumentException($"{layer} expects input [batch, {features}], got {x.ShapeString}.", nameof(x));
    }

    /// <summary>Checks that ∂L/∂output has the shape of the last output (that of x̂).</summary>
    public static void CheckGradient(Layer layer, Tensor dOut, Tensor xHat)
    {
        if (!dOut.SameShape(xHat))
            throw new ArgumentException($"{layer}.Backward expects ∂L/∂output of shape {xHat.ShapeString}, got {dOut.ShapeString}.", nameof(dOut));
    }
}
