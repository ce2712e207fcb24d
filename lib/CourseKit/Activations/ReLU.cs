using System.Numerics;
using System.Numerics.Tensors;

namespace CourseKit.Activations;

/// <summary>
/// The rectified linear unit ReLU(z) = max(0, z) (the lecture “Deep networks”, §3: cheap, no saturation for z &gt; 0, but "dying ReLU":
/// a neuron whose weighted sum stays negative gets gradient 0 and never recovers).
/// ReLU′(z) = 1 for z &gt; 0, 0 for z &lt; 0; at the kink z = 0 the backward pass uses 0.
/// </summary>
public sealed class ReLU : Activation
{
    /// <summary>max(0, z).</summary>
    public override double Apply(double z) => z > 0 ? z : 0;

    /// <summary>1 if z &gt; 0, else 0.</summary>
    public override double Derivative(double z) => z > 0 ? 1 : 0;

    /// <inheritdoc/>
    protected override void Apply(ReadOnlySpan<double> z, Span<double> y) => TensorPrimitives.Max(z, 0.0, y);

    /// <summary>dz = dy where z &gt; 0, else 0.</summary>
    protected override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dz)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Whole vectors: the mask z > 0 selects dy, elsewhere 0 (NaN compares false, as in the scalar loop).
            var zeros = Vector<double>.Zero;
            for (; i <= z.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var zi = new Vector<double>(z[i..]);
                Vector.ConditionalSelect(Vector.GreaterThan(zi, zeros), new Vector<double>(dy[i..]), zeros).CopyTo(dz[i..]);
            }
        }
        for (; i < z.Length; i++) dz[i] = z[i] > 0 ? dy[i] : 0;
    }
}
