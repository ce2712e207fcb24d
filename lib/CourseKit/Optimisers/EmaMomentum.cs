namespace CourseKit.Optimisers;

/// <summary>
/// SGD with momentum in the averaged form of the lecture “Deep networks” (Algorithm 9):
/// m_{t+1} ← βm_t + (1 − β)∂L[φ_t]/∂φ, φ_{t+1} ← φ_t − α·m_{t+1}, m_0 = 0.
/// m is an exponential moving average of the gradients, so its size does not grow with 1/(1 − β) as the
/// classic velocity does; with v = αm this is exactly <see cref="Momentum"/> with γ = β and η = α(1 − β).
/// </summary>
public sealed class EmaMomentum : Optimiser
{
    /// <param name="parameters">The parameters φ.</param>
    /// <param name="learningRate">α &gt; 0.</param>
    /// <param name="beta">β in [0, 1), the averaging factor; 0.9 by default.</param>
    public EmaMomentum(IEnumerable<Parameter> parameters, double learningRate = 0.01, double beta = 0.9)
        : base(parameters, learningRate) =>
        Beta = Require.UnitInterval(beta, nameof(beta), "the momentum factor β in m ← βm + (1 − β)g");

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <inheritdoc/>
    protected override void Update(Parameter p)
    {
        Span<double> phi = p.Value.Span, g = p.Grad.Span, m = State(p, "m").Span;
        double alpha = LearningRate;
        for (int i = 0; i < phi.Length; i++)
        {
            m[i] = Beta * m[i] + (1 - Beta) * g[i]; // m ← βm + (1 − β)g
            phi[i] -= alpha * m[i];                 // φ ← φ − αm
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"EmaMomentum(α = {NumberFormat.RoundTrip(LearningRate)}, β = {NumberFormat.RoundTrip(Beta)})";
}
