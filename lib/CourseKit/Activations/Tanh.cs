using System.Numerics.Tensors;

namespace CourseKit.Activations;

/// <summary>
/// The hyperbolic tangent tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)) = 2σ(2z) − 1 (the lecture “Neural networks and back-propagation”: "like the sigmoid but
/// with values in (−1, +1); usually preferable unless we want values in (0, 1)").
/// tanh′(z) = 1 − tanh²(z) = 1 − y².
/// </summary>
public sealed class Tanh : Activation
{
    /// <summary>tanh(z).</summary>
    public override double Apply(double z) => Math.Tanh(z);

    /// <summary>1 − tanh²(z).</summary>
    public override double Derivative(double z)
    {
        double t = Math.Tanh(z);
        return 1 - t * t;
    }

    /// <inheritdoc/>
    protected override void Apply(ReadOnlySpan<double> z, Span<double> y) => TensorPrimitives.Tanh(z, y);

    /// <summary>dz = dy ⊙ (1 − y²).</summary>
    protected override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dz)
    {
        TensorPrimitives.Multiply(y, y, dz);          // y²
        TensorPrimitives.Negate(dz, dz);
        TensorPrimitives.Add(dz, 1.0, dz);            // 1 − y²
        TensorPrimitives.Multiply(dz, dy, dz);
    }
}
