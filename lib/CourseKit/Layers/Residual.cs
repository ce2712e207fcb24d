namespace CourseKit.Layers;

/// <summary>
/// A skip connection around a block: y = x + F(x), where the block F keeps the shape of its input (He et al. 2016,
/// the ResNet whose loss landscape the optimisation lectures show with and without skips; notebook 03, §5). Backward
/// adds the two paths, ∂L/∂x = ∂L/∂y + ∂L/∂x through F, so the gradient reaches earlier layers even where F's own
/// derivative is small.
/// </summary>
public sealed class Residual : Layer
{
    /// <summary>A skip connection around <paramref name="block"/>, whose output must have the shape of its input.</summary>
    public Residual(Layer block)
    {
        ArgumentNullException.ThrowIfNull(block);
        Block = block;
        block.SetTraining(Training);
    }

    /// <summary>The block F the skip goes around.</summary>
    public Layer Block { get; }

    /// <summary>x + F(x).</summary>
    /// <exception cref="InvalidOperationException">F changed the shape of its input (both shapes are named).</exception>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var fx = Block.Forward(x);
        if (!fx.Shape.SequenceEqual(x.Shape))
            throw new InvalidOperationException(
                $"A residual block must keep the shape of its input: got input [{string.Join(", ", x.Shape)}] and block output [{string.Join(", ", fx.Shape)}]; " +
                "expected the same shape (for a Dense block: as many outputs as inputs).");
        return x + fx;
    }

    /// <summary>∂L/∂x = ∂L/∂y (the skip) + the block's ∂L/∂x; the block adds its parameter gradients.</summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        return dOut + Block.Backward(dOut);
    }

    /// <summary>The block's parameters (the skip has none).</summary>
    public override IEnumerable<Parameter> Parameters() => Block.Parameters();

    /// <summary>Sets the mode of this layer and of its block.</summary>
    public override void SetTraining(bool training)
    {
        base.SetTraining(training);
        Block.SetTraining(training);
    }
}
