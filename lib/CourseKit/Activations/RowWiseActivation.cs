using CourseKit.Layers;

namespace CourseKit.Activations;

/// <summary>
/// An activation that maps each row of its input as a whole, along the last axis (each row of a [batch, classes]
/// tensor; rank 1: the whole vector): <see cref="Softmax"/> and <see cref="LogSoftmax"/>. One place walks the rows;
/// a subclass gives the formula for one row forward (<see cref="ForwardRow"/>) and its Jacobian-vector product
/// backward (<see cref="BackwardRow"/>).
/// </summary>
public abstract class RowWiseActivation : Layer
{
    private Tensor? _output;

    /// <summary>Only the kit's row-wise activations derive from it.</summary>
    private protected RowWiseActivation() { }

    /// <summary>y = f(z) row by row; caches y for <see cref="Backward(Tensor)"/>.</summary>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.ZerosLike(x);
        int k = x.Shape[x.Rank - 1];
        for (int start = 0; start < x.Length; start += k)
            ForwardRow(x.Span.Slice(start, k), y.Span.Slice(start, k));
        _output = y;
        return y;
    }

    /// <summary>∂L/∂z from ∂L/∂y row by row, from the cached output.</summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        var y = _output ?? throw BackwardBeforeForward();
        if (!dOut.SameShape(y))
            throw new ArgumentException(
                $"{GetType().Name}.Backward: ∂L/∂output has shape {dOut.ShapeString} but the last output has shape {y.ShapeString}; expected the same shape.",
                nameof(dOut));
        var dz = Tensor.ZerosLike(y);
        int k = y.Shape[y.Rank - 1];
        for (int start = 0; start < y.Length; start += k)
            BackwardRow(y.Span.Slice(start, k), dOut.Span.Slice(start, k), dz.Span.Slice(start, k));
        return dz;
    }

    /// <summary>y = f(z) for one row.</summary>
    private protected abstract void ForwardRow(ReadOnlySpan<double> z, Span<double> y);

    /// <summary>∂L/∂z of one row from its output <paramref name="y"/> and ∂L/∂y (<paramref name="dy"/>).</summary>
    private protected abstract void BackwardRow(ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dz);
}
