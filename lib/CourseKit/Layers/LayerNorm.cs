namespace CourseKit.Layers;

/// <summary>
/// Layer normalisation (the lecture “Neural networks and back-propagation” "Layer normalization"): like <see cref="BatchNorm"/>, but μ and σ are taken
/// over the features of each example rather than over the batch:
/// μᵢ = (1/D) Σⱼ xᵢⱼ,  σ²ᵢ = (1/D) Σⱼ (xᵢⱼ − μᵢ)²,  x̂ᵢⱼ = (xᵢⱼ − μᵢ)/√(σ²ᵢ + ε),  yᵢⱼ = γⱼ x̂ᵢⱼ + βⱼ.
/// It needs no running statistics and behaves the same in training and at inference (and for a batch of one).
/// </summary>
public sealed class LayerNorm : Layer
{
    private Tensor? _xHat;         // x̂ of the last Forward
    private Tensor? _inverseStd;   // 1/√(σ²ᵢ + ε) per example of the last Forward, a column

    /// <summary>Layer norm over <paramref name="features"/> features with γ = 1, β = 0.</summary>
    public LayerNorm(int features, double eps = 1e-5, string name = "layernorm")
    {
        if (features < 2)
            throw new ArgumentException($"LayerNorm needs at least 2 features to normalise over, got {features}.", nameof(features));
        Eps = Require.Positive(eps, nameof(eps), "LayerNorm's ε added to the variance");
        Gamma = new Parameter(name + ".gamma", Tensor.Ones(features), decay: false);
        Beta = new Parameter(name + ".beta", Tensor.Zeros(features), decay: false);
    }

    /// <summary>γ, shape [features].</summary>
    public Parameter Gamma { get; }

    /// <summary>β, shape [features].</summary>
    public Parameter Beta { get; }

    /// <summary>ε.</summary>
    public double Eps { get; }

    /// <summary>D, the number of features.</summary>
    public int Features => Gamma.Value.Length;

    /// <summary>Normalises each row, then y = γx̂ + β.</summary>
    public override Tensor Forward(Tensor x)
    {
        Normalisation.CheckInput(this, x, Features);
        var (mean, variance) = Normalisation.Moments(x, axis: 1);   // μᵢ and σ²ᵢ, one per example
        (_xHat, _inverseStd) = Normalisation.Standardise(x, mean, variance, Eps);
        return Normalisation.ScaleAndShift(_xHat, Gamma, Beta);
    }

    /// <summary>
    /// ∂L/∂γ += Σᵢ ∂L/∂yᵢ ⊙ x̂ᵢ, ∂L/∂β += Σᵢ ∂L/∂yᵢ; per row, with g = γ ⊙ ∂L/∂y,
    /// ∂L/∂xⱼ = (1/(D σ)) (D gⱼ − Σₖ gₖ − x̂ⱼ Σₖ gₖ x̂ₖ).
    /// </summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        var xHat = _xHat ?? throw BackwardBeforeForward();
        Normalisation.CheckGradient(this, dOut, xHat);
        var g = Normalisation.ScaleAndShiftBackward(dOut, xHat, Gamma, Beta);   // g = γ ⊙ ∂L/∂y
        return Normalisation.InputGradient(g, xHat, _inverseStd!, axis: 1);     // (1/(Dσ)) (D g − Σₖ gₖ − x̂ Σₖ gₖ x̂ₖ)
    }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> Parameters() => [Gamma, Beta];

    /// <summary>E.g. <c>LayerNorm(64)</c>.</summary>
    public override string ToString() => $"LayerNorm({Features})";
}
