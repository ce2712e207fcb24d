using System.Numerics.Tensors;

namespace CourseKit.Activations;

/// <summary>
/// The logistic sigmoid σ(z) = 1 / (1 + e^(−z)) (the lecture “Neural networks and back-propagation”: differentiable everywhere, values in (0, 1);
/// the lecture “Deep networks”, §2: squashes the output of a binary classifier into a Bernoulli parameter λ).
/// σ′(z) = σ(z)(1 − σ(z)) = y(1 − y), at most ¼ (at z = 0): the vanishing gradient of the lecture “Deep networks”, §3.
/// </summary>
public sealed class Sigmoid : Activation
{
    /// <summary>σ(z), computed without overflow for z → ±∞.</summary>
    public override double Apply(double z) => Stable.Sigmoid(z);

    /// <summary>σ(z)(1 − σ(z)).</summary>
    public override double Derivative(double z)
    {
        double s = Stable.Sigmoid(z);
        return s * (1 - s);
    }

    /// <inheritdoc/>
    protected override void Apply(ReadOnlySpan<double> z, Span<double> y) => TensorPrimitives.Sigmoid(z, y);

    /// <summary>dz = dy ⊙ y ⊙ (1 − y).</summary>
    protected override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dz)
    {
        TensorPrimitives.Multiply(y, y, dz);       // y²
        TensorPrimitives.Subtract(y, dz, dz);      // y − y² = y(1 − y)
        TensorPrimitives.Multiply(dz, dy, dz);
    }
}
