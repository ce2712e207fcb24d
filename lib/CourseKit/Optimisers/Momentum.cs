namespace CourseKit.Optimisers;

/// <summary>
/// Gradient descent with momentum, the classic form of the lectures “Optimisation: gradient descent and its variants” and “Optimisation methods and stopping criteria”:
/// v_t ← γv_{t−1} + η∇J(θ), θ ← θ − v_t, with γ = 0.9 (the lectures' recommended value) and v_0 = 0.
/// Steps grow where successive gradients agree and shrink where they flip sign; the velocity can carry θ
/// past a minimum (the lecture “Optimisation methods and stopping criteria”: "может перескакивать локальные минимумы"). For the lecture “Deep networks”'s averaged form
/// m ← βm + (1 − β)g, θ ← θ − αm see <see cref="EmaMomentum"/> (the same method with η = α(1 − β)).
/// </summary>
public sealed class Momentum : Optimiser
{
    /// <param name="parameters">The parameters θ.</param>
    /// <param name="learningRate">η &gt; 0.</param>
    /// <param name="gamma">γ in [0, 1), the fraction of the previous step kept; 0.9 by default.</param>
    public Momentum(IEnumerable<Parameter> parameters, double learningRate = 0.01, double gamma = 0.9)
        : base(parameters, learningRate) =>
        Gamma = Require.UnitInterval(gamma, nameof(gamma), "the momentum factor γ in v ← γv + η∇J");

    /// <summary>γ.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected override void Update(Parameter p)
    {
        Span<double> theta = p.Value.Span, g = p.Grad.Span, v = State(p, "v").Span;
        double eta = LearningRate;
        for (int i = 0; i < theta.Length; i++)
        {
            v[i] = Gamma * v[i] + eta * g[i]; // v ← γv + η∇J
            theta[i] -= v[i];                 // θ ← θ − v
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Momentum(η = {NumberFormat.RoundTrip(LearningRate)}, γ = {NumberFormat.RoundTrip(Gamma)})";
}
