namespace CourseKit.Optimisers;

/// <summary>
/// Normalised gradient descent (the lecture “Deep networks” Algorithm 11): divide each gradient coordinate by its own size, so
/// every coordinate moves by about α whatever the scale of the loss in that direction:
/// m = ∂L[φ_t]/∂φ, v = m² (element-wise), φ ← φ − α·m/(√v + ε), i.e. φ ← φ − α·sign(g) up to ε.
/// Fixes a loss that changes fast in one direction and slowly in another; the price is that the step never
/// shrinks near the minimum (it oscillates within about α of it) unless α is scheduled down.
/// </summary>
/// <remarks>ε placement: outside the square root, as the lecture “Deep networks” writes it (ε = 1e-8).</remarks>
public sealed class NormalisedGD : Optimiser
{
    /// <param name="parameters">The parameters φ.</param>
    /// <param name="learningRate">α &gt; 0.</param>
    /// <param name="epsilon">ε &gt; 0; 1e-8 by default.</param>
    public NormalisedGD(IEnumerable<Parameter> parameters, double learningRate = 0.01, double epsilon = 1e-8)
        : base(parameters, learningRate) =>
        Epsilon = Require.Positive(epsilon, nameof(epsilon), "the smoothing term ε in α·m/(√v + ε)");

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override void Update(Parameter p)
    {
        Span<double> phi = p.Value.Span, g = p.Grad.Span;
        double alpha = LearningRate;
        for (int i = 0; i < phi.Length; i++)
        {
            double m = g[i], v = m * m;                     // m = ∂L/∂φ, v = m²
            phi[i] -= alpha * m / (Math.Sqrt(v) + Epsilon); // φ ← φ − α·m/(√v + ε)
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"NormalisedGD(α = {NumberFormat.RoundTrip(LearningRate)})";
}
