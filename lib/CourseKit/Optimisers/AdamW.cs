namespace CourseKit.Optimisers;

/// <summary>
/// AdamW (Loshchilov and Hutter; the lecture “Deep networks” Algorithm 16): Adam with weight decay decoupled from the adaptive
/// step. Each step first shrinks the weights, θ ← (1 − η·λ)θ (parameters with <see cref="Parameter.Decay"/>
/// only), then takes the ordinary <see cref="Adam"/> step from the loss gradient alone. An L2 penalty would
/// instead add λθ to g, where Adam divides it by √v̂: weights with large gradients would hardly be decayed.
/// For plain gradient descent the two coincide; for Adam they do not (the lecture “Deep networks”: "nierównoważny w przypadku Adama").
/// </summary>
/// <remarks>The decay is multiplied by the current η (PyTorch's convention), so a learning-rate schedule
/// scales it too; λ = 0.01 by default.</remarks>
public sealed class AdamW : Adam
{
    /// <param name="parameters">The parameters θ.</param>
    /// <param name="learningRate">η &gt; 0; 0.001 by default.</param>
    /// <param name="decoupledDecay">λ ≥ 0 in θ ← (1 − ηλ)θ; 0.01 by default.</param>
    /// <param name="beta1">β1 in [0, 1); 0.9 by default.</param>
    /// <param name="beta2">β2 in [0, 1); 0.999 by default.</param>
    /// <param name="epsilon">ε &gt; 0; 1e-8 by default.</param>
    public AdamW(IEnumerable<Parameter> parameters, double learningRate = 0.001, double decoupledDecay = 0.01,
        double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(parameters, learningRate, beta1, beta2, epsilon) =>
        DecoupledDecay = Require.NonNegative(decoupledDecay, nameof(decoupledDecay), "the decoupled weight decay λ in θ ← (1 − ηλ)θ");

    /// <summary>λ.</summary>
    public double DecoupledDecay { get; }

    /// <inheritdoc/>
    protected override void Update(Parameter p)
    {
        if (p.Decay) p.Value.ScaleInPlace(1 - LearningRate * DecoupledDecay); // θ ← (1 − ηλ)θ
        base.Update(p);                                                      // θ ← θ − η·m̂/(√v̂ + ε)
    }
}
