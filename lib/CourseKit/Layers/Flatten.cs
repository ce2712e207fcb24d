namespace CourseKit.Layers;

/// <summary>
/// Reshapes each example to a vector: [batch, C, H, W] (or any rank ≥ 2) → [batch, C·H·W], between
/// <see cref="Conv2D"/> and <see cref="Dense"/> layers. Backward reshapes the gradient back.
/// </summary>
public sealed class Flatten : Layer
{
    private int[]? _inputShape;

    /// <summary>[batch, …] → [batch, product of the rest] (a copy, so later in-place changes cannot reach the input).</summary>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 2)
            throw new ArgumentException($"Flatten expects a batch [batch, …] of rank ≥ 2, got {x.ShapeString}.", nameof(x));
        _inputShape = [.. x.Shape];
        return x.Clone().Reshape(x.Shape[0], -1);
    }

    /// <summary>∂L/∂output [batch, n] reshaped to the input's shape.</summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        var shape = _inputShape ?? throw BackwardBeforeForward();
        int features = shape.Skip(1).Aggregate(1, (a, b) => a * b);
        if (dOut.Rank != 2 || dOut.Rows != shape[0] || dOut.Cols != features)
            throw new ArgumentException($"Flatten.Backward expects ∂L/∂output of shape [{shape[0]}, {features}], got {dOut.ShapeString}.", nameof(dOut));
        return dOut.Clone().Reshape(shape);
    }

    /// <inheritdoc/>
    public override string ToString() => "Flatten";
}
