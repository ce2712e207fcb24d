namespace CourseKit;

/// <summary>
/// A learnable tensor φ and its gradient ∂L/∂φ (the lecture “Deep networks”, §1, "backward pass II" fills the gradient).
/// Layers own their parameters; optimisers update them in place.
/// </summary>
/// <param name="name">A display name, e.g. <c>"dense1.W"</c>; gradient-check reports and saved models use it.</param>
/// <param name="value">The parameter's values (kept, not copied: the layer and the optimiser share it).</param>
/// <param name="decay">Whether explicit regularisation (L2, weight decay, max-norm) applies. Weights yes,
/// biases and normalisation shifts no (the lecture “Deep networks”, §4: "L2 on weights, not biases").</param>
public sealed class Parameter(string name, Tensor value, bool decay = true)
{
    /// <summary>The display name. A <see cref="Layers.Sequential"/> numbers repeated names (dense.W, dense2.W) so
    /// that names in one model are unique.</summary>
    public string Name { get; internal set; } = !string.IsNullOrWhiteSpace(name)
        ? name
        : throw new ArgumentException("A parameter needs a non-empty name (used in reports and saved models).", nameof(name));

    /// <summary>φ, updated in place by optimisers.</summary>
    public Tensor Value { get; } = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>∂L/∂φ, same shape as <see cref="Value"/>; layers add into it in <c>Backward</c>.</summary>
    public Tensor Grad { get; } = Tensor.ZerosLike(value);

    /// <summary>Whether weight decay, L2 and max-norm apply to this parameter.</summary>
    public bool Decay { get; } = decay;

    /// <summary>Sets the gradient to zero before the next backward pass.</summary>
    public void ZeroGrad() => Grad.Clear();

    /// <summary>Name and shape, e.g. <c>dense1.W [10, 64]</c>.</summary>
    public override string ToString() => $"{Name} {Value.ShapeString}";
}
