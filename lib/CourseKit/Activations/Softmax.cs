using CourseKit.Layers;
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
public sealed class Softmax : Layer
{
    private Tensor? _output;

    /// <summary>y = softmax(z) row by row (rank 1: the whole vector).</summary>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.ZerosLike(x);
        int k = x.Shape[x.Rank - 1];
        for (int start = 0; start < x.Length; start += k)
            Compute(x.Span.Slice(start, k), y.Span.Slice(start, k));
        _output = y;
        return y;
    }

    /// <summary>∂L/∂z = y ⊙ (∂L/∂y − ⟨∂L/∂y, y⟩) per row.</summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        var y = _output ?? throw BackwardBeforeForward();
        RequireSameShape(dOut, y, nameof(Softmax));
        var dz = Tensor.ZerosLike(y);
        int k = y.Shape[y.Rank - 1];
        for (int start = 0; start < y.Length; start += k)
        {
            var yr = y.Span.Slice(start, k);
            var dyr = dOut.Span.Slice(start, k);
            var dzr = dz.Span.Slice(start, k);
            double dot = TensorPrimitives.Dot<double>(dyr, yr);
            TensorPrimitives.Subtract(dyr, dot, dzr);
            TensorPrimitives.Multiply(dzr, yr, dzr);
        }
        return dz;
    }

    /// <summary>softmax of one row: y = e^(z − max z) / Σ e^(z − max z).</summary>
    public static void Compute(ReadOnlySpan<double> z, Span<double> y)
    {
        double max = TensorPrimitives.Max(z);
        TensorPrimitives.Subtract(z, max, y);
        TensorPrimitives.Exp(y, y);
        TensorPrimitives.Divide(y, TensorPrimitives.Sum<double>(y), y);
    }

    internal static void RequireSameShape(Tensor dOut, Tensor output, string layer)
    {
        if (!dOut.SameShape(output))
            throw new ArgumentException(
                $"{layer}.Backward: ∂L/∂output has shape {dOut.ShapeString} but the last output has shape {output.ShapeString}; expected the same shape.",
                nameof(dOut));
    }
}
