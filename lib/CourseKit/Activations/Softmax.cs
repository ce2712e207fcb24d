using System.Numerics.Tensors;

namespace CourseKit.Activations;

/// <summary>
/// softmax_j(z) = e^(z_j) / Σ_k e^(z_k) along the last axis (each row of a [batch, classes] tensor): turns scores into
/// probabilities that sum to 1, a "soft argmax" (the lecture “Neural networks and back-propagation”: o⁽²⁾ = softmax(W⁽²⁾o⁽¹⁾); the lecture “Deep networks”, §2: the λ₁…λ_k of a categorical
/// distribution). Stable: softmax(z) = softmax(z − max z), so e^(…) ≤ 1 never overflows.
/// <para>
/// Not element-wise: ∂y_j/∂z_i = y_j(δ_ij − y_i). Backward is the Jacobian-vector product
/// ∂L/∂z = y ⊙ (∂L/∂y − ⟨∂L/∂y, y⟩) per row, without forming the Jacobian.
/// For training a classifier use <see cref="Losses.SoftmaxCrossEntropy"/> on the logits (simpler gradient, no log of 0).
/// </para>
/// </summary>
public sealed class Softmax : RowWiseActivation
{
    /// <summary>y = softmax(z) for one row.</summary>
    private protected override void ForwardRow(ReadOnlySpan<double> z, Span<double> y) => Compute(z, y);

    /// <summary>∂L/∂z = y ⊙ (∂L/∂y − ⟨∂L/∂y, y⟩) for one row.</summary>
    private protected override void BackwardRow(ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dz)
    {
        double dot = TensorPrimitives.Dot<double>(dy, y);
        TensorPrimitives.Subtract(dy, dot, dz);
        TensorPrimitives.Multiply(dz, y, dz);
    }

    /// <summary>softmax of one row: y = e^(z − max z) / Σ e^(z − max z).</summary>
    public static void Compute(ReadOnlySpan<double> z, Span<double> y)
    {
        double max = TensorPrimitives.Max(z);
        TensorPrimitives.Subtract(z, max, y);
        TensorPrimitives.Exp(y, y);
        TensorPrimitives.Divide(y, TensorPrimitives.Sum<double>(y), y);
    }
}
