namespace CourseKit.Layers;

/// <summary>
/// A differentiable block of a network (the lecture “Deep networks”, §1). <see cref="Forward"/> computes the output of a batch
/// (one example per row) and caches what the backward pass needs; <see cref="Backward"/> takes ∂L/∂output
/// and returns ∂L/∂input ("backward pass I"), adding ∂L/∂φ into each parameter's gradient
/// ("backward pass II").
/// </summary>
public abstract class Layer
{
    /// <summary>True while training (dropout drops, batch norm uses batch statistics), false at inference.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>The output for input batch <paramref name="x"/>; caches what <see cref="Backward"/> needs.</summary>
    public abstract Tensor Forward(Tensor x);

    /// <summary>∂L/∂x from ∂L/∂y (<paramref name="dOut"/>, the shape of the last output); adds the
    /// parameter gradients into <see cref="Parameter.Grad"/>.</summary>
    public abstract Tensor Backward(Tensor dOut);

    /// <summary>
    /// Backward pass II only: adds ∂L/∂φ into the parameter gradients like <see cref="Backward"/>, but does not compute
    /// ∂L/∂x. For the first layer of a model, whose input is the data and needs no gradient; a training step calls it
    /// on the whole model (<see cref="Sequential"/> passes it on to its first layer). By default it runs
    /// <see cref="Backward"/> and drops ∂L/∂x; layers for which ∂L/∂x is real work override it (<see cref="Dense"/>:
    /// a [batch, out]·[out, in] matrix product, a third of the layer's arithmetic).
    /// </summary>
    public virtual void BackwardParameters(Tensor dOut) => Backward(dOut);

    /// <summary>The learnable parameters (none by default).</summary>
    public virtual IEnumerable<Parameter> Parameters() => [];

    /// <summary>Switches between training and inference; containers pass it on to their layers.</summary>
    public virtual void SetTraining(bool training) => Training = training;

    /// <summary>Training mode (the default).</summary>
    public void Train() => SetTraining(true);

    /// <summary>Inference mode.</summary>
    public void Eval() => SetTraining(false);

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.ZeroGrad();
    }

    /// <summary>An error for <see cref="Backward"/> called before <see cref="Forward"/>.</summary>
    protected InvalidOperationException BackwardBeforeForward() =>
        new($"{GetType().Name}.Backward was called before Forward: run Forward on a batch first, then Backward with ∂L/∂output.");
}
