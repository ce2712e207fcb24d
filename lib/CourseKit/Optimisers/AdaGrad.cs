namespace CourseKit.Optimisers;

/// <summary>
/// AdaGrad (the lectures “Optimisation: gradient descent and its variants” and “Optimisation methods and stopping criteria”; the lecture “Deep networks” Algorithm 12): every coordinate gets its own step, shrinking with the
/// sum of its squared gradients: G_t ← G_{t−1} + g_t², θ ← θ − η/√(G_t + ε) ⊙ g_t, with η = 0.01, ε = 1e-8
/// (the lecture “Optimisation methods and stopping criteria”'s defaults). Rarely-updated (sparse) coordinates keep large steps; G only grows, so the
/// steps die out (the lecture “Optimisation methods and stopping criteria”: "затухание обновлений").
/// </summary>
/// <remarks>ε placement: inside the square root, as the lectures “Optimisation: gradient descent and its variants” and “Optimisation methods and stopping criteria” write it. the lecture “Deep networks” and PyTorch put it
/// outside, η/(√G + ε); the two differ only while G is of order ε.</remarks>
public sealed class AdaGrad : Optimiser
{
    /// <param name="parameters">The parameters θ.</param>
    /// <param name="learningRate">η &gt; 0; 0.01 by default.</param>
    /// <param name="epsilon">ε &gt; 0; 1e-8 by default.</param>
    public AdaGrad(IEnumerable<Parameter> parameters, double learningRate = 0.01, double epsilon = 1e-8)
        : base(parameters, learningRate) =>
        Epsilon = Require.Positive(epsilon, nameof(epsilon), "the smoothing term ε in η/√(G + ε)");

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override void Update(Parameter p)
    {
        Span<double> theta = p.Value.Span, g = p.Grad.Span, G = State(p, "G").Span;
        double eta = LearningRate;
        for (int i = 0; i < theta.Length; i++)
        {
            G[i] += g[i] * g[i];                              // G ← G + g²
            theta[i] -= eta / Math.Sqrt(G[i] + Epsilon) * g[i]; // θ ← θ − η/√(G + ε) ⊙ g
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"AdaGrad(η = {NumberFormat.RoundTrip(LearningRate)}, ε = {NumberFormat.RoundTrip(Epsilon)})";
}
