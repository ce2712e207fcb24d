namespace CourseKit.Losses;

/// <summary>
/// A loss L averaged over the batch (the lecture “Deep networks”, §2). <see cref="Forward"/> computes it from the model's
/// output and the target and caches what <see cref="Backward"/> needs; <see cref="Backward"/> returns
/// ∂L/∂prediction, the gradient that starts the network's backward pass.
/// </summary>
public abstract class Loss
{
    /// <summary>The mean loss over the batch (one example per row of <paramref name="prediction"/>).</summary>
    public abstract double Forward(Tensor prediction, Tensor target);

    /// <summary>∂L/∂prediction for the last <see cref="Forward"/>, same shape as the prediction.</summary>
    public abstract Tensor Backward();

    /// <summary>An error for <see cref="Backward"/> called before <see cref="Forward"/>.</summary>
    protected InvalidOperationException BackwardBeforeForward() =>
        new($"{GetType().Name}.Backward was called before Forward: compute the loss first.");
}
