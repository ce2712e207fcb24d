namespace CourseKit.Optimisers;

/// <summary>
/// RMSProp (Hinton; the lectures “Optimisation: gradient descent and its variants” and “Optimisation methods and stopping criteria”; the lecture “Deep networks” Algorithm 13): AdaGrad with a decaying average instead of a sum,
/// so the steps do not die out: E[g²]_t ← γE[g²]_{t−1} + (1 − γ)g_t², θ ← θ − η/√(E[g²]_t + ε) ⊙ g_t,
/// with γ = 0.9, η = 0.001 (the lecture “Optimisation: gradient descent and its variants”'s values) and ε = 1e-8.
/// </summary>
/// <remarks>ε placement: inside the square root, as the lectures “Optimisation: gradient descent and its variants” and “Optimisation methods and stopping criteria” write it. PyTorch puts it outside,
/// η/(√E[g²] + ε).</remarks>
public sealed class RMSProp : Optimiser
{
    /// <param name="parameters">The parameters θ.</param>
    /// <param name="learningRate">η &gt; 0; 0.001 by default.</param>
    /// <param name="gamma">γ in [0, 1), the decay of the average; 0.9 by default.</param>
    /// <param name="epsilon">ε &gt; 0; 1e-8 by default.</param>
    public RMSProp(IEnumerable<Parameter> parameters, double learningRate = 0.001, double gamma = 0.9, double epsilon = 1e-8)
        : base(parameters, learningRate)
    {
        Gamma = Require.UnitInterval(gamma, nameof(gamma), "the decay γ in E[g²] ← γE[g²] + (1 − γ)g²");
        Epsilon = Require.Positive(epsilon, nameof(epsilon), "the smoothing term ε in η/√(E[g²] + ε)");
    }

    /// <summary>γ.</summary>
    public double Gamma { get; }
    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override void Update(Parameter p)
    {
        Span<double> theta = p.Value.Span, g = p.Grad.Span, s = State(p, "E[g²]").Span;
        double eta = LearningRate;
        for (int i = 0; i < theta.Length; i++)
        {
            s[i] = Gamma * s[i] + (1 - Gamma) * g[i] * g[i];   // E[g²] ← γE[g²] + (1 − γ)g²
            theta[i] -= eta / Math.Sqrt(s[i] + Epsilon) * g[i]; // θ ← θ − η/√(E[g²] + ε) ⊙ g
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"RMSProp(η = {NumberFormat.RoundTrip(LearningRate)}, γ = {NumberFormat.RoundTrip(Gamma)}, ε = {NumberFormat.RoundTrip(Epsilon)})";
}
