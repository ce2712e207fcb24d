namespace CourseKit.Optimisers;

/// <summary>
/// Adam, adaptive moment estimation (the lectures “Optimisation: gradient descent and its variants” and “Optimisation methods and stopping criteria”; the lecture “Deep networks” Algorithm 14): momentum and RMSProp together,
/// with bias correction because both averages start at zero:
/// m ← β1·m + (1 − β1)g, v ← β2·v + (1 − β2)g², m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t), θ ← θ − η·m̂/(√v̂ + ε),
/// with β1 = 0.9, β2 = 0.999, η = 0.001, ε = 1e-8.
/// </summary>
/// <remarks>ε placement: outside the square root, as all three seeds (and PyTorch) write it.
/// With <see cref="Optimiser.WeightDecay"/> or an <see cref="L2Penalty"/> the decay is divided by √v̂ like
/// the gradient; <see cref="AdamW"/> applies it outside the adaptive step.</remarks>
public class Adam : Optimiser
{
    /// <param name="parameters">The parameters θ.</param>
    /// <param name="learningRate">η &gt; 0; 0.001 by default.</param>
    /// <param name="beta1">β1 in [0, 1), decay of the mean m; 0.9 by default.</param>
    /// <param name="beta2">β2 in [0, 1), decay of the uncentred variance v; 0.999 by default.</param>
    /// <param name="epsilon">ε &gt; 0; 1e-8 by default.</param>
    public Adam(IEnumerable<Parameter> parameters, double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(parameters, learningRate)
    {
        Beta1 = Require.UnitInterval(beta1, nameof(beta1), "the decay β1 of the gradient mean m");
        Beta2 = Require.UnitInterval(beta2, nameof(beta2), "the decay β2 of the squared-gradient mean v");
        Epsilon = Require.Positive(epsilon, nameof(epsilon), "the smoothing term ε in η·m̂/(√v̂ + ε)");
    }

    /// <summary>β1.</summary>
    public double Beta1 { get; }
    /// <summary>β2.</summary>
    public double Beta2 { get; }
    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override void Update(Parameter p)
    {
        Span<double> theta = p.Value.Span, g = p.Grad.Span, m = State(p, "m").Span, v = State(p, "v").Span;
        double eta = LearningRate;
        double c1 = 1 - Math.Pow(Beta1, StepCount), c2 = 1 - Math.Pow(Beta2, StepCount); // 1 − β^t
        for (int i = 0; i < theta.Length; i++)
        {
            m[i] = Beta1 * m[i] + (1 - Beta1) * g[i];        // m ← β1·m + (1 − β1)g
            v[i] = Beta2 * v[i] + (1 - Beta2) * g[i] * g[i]; // v ← β2·v + (1 − β2)g²
            double mHat = m[i] / c1, vHat = v[i] / c2;       // bias correction
            theta[i] -= eta * mHat / (Math.Sqrt(vHat) + Epsilon); // θ ← θ − η·m̂/(√v̂ + ε)
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{GetType().Name}(η = {NumberFormat.RoundTrip(LearningRate)}, β1 = {NumberFormat.RoundTrip(Beta1)}, β2 = {NumberFormat.RoundTrip(Beta2)})";
}
