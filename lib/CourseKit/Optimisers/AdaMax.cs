namespace CourseKit.Optimisers;

/// <summary>
/// AdaMax (Kingma and Ba 2015; the lecture “Deep networks” after Algorithm 14): Adam with the L2 average of squared gradients
/// replaced by an exponentially weighted maximum (the L∞ norm):
/// m ← β1·m + (1 − β1)g, u ← max(β2·u, |g|), θ ← θ − η/(1 − β1^t) · m/(u + ε),
/// with η = 0.002, β1 = 0.9, β2 = 0.999. u needs no bias correction (a maximum is not pulled towards 0).
/// </summary>
/// <remarks>ε is not in Kingma and Ba's rule: it is added to u here only so that a coordinate whose gradient has
/// always been 0 gives 0/ε = 0 instead of 0/0 (PyTorch adds it inside the max instead). the lecture “Deep networks” writes u with the
/// gradient norm; the paper and this class take the maximum coordinate by coordinate, |g|.</remarks>
public sealed class AdaMax : Optimiser
{
    /// <param name="parameters">The parameters θ.</param>
    /// <param name="learningRate">η &gt; 0; 0.002 by default.</param>
    /// <param name="beta1">β1 in [0, 1); 0.9 by default.</param>
    /// <param name="beta2">β2 in [0, 1), the decay of the running maximum; 0.999 by default.</param>
    /// <param name="epsilon">ε &gt; 0; 1e-8 by default.</param>
    public AdaMax(IEnumerable<Parameter> parameters, double learningRate = 0.002, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(parameters, learningRate)
    {
        Beta1 = Require.UnitInterval(beta1, nameof(beta1), "the decay β1 of the gradient mean m");
        Beta2 = Require.UnitInterval(beta2, nameof(beta2), "the decay β2 in u ← max(β2·u, |g|)");
        Epsilon = Require.Positive(epsilon, nameof(epsilon), "the guard ε in m/(u + ε)");
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
        Span<double> theta = p.Value.Span, g = p.Grad.Span, m = State(p, "m").Span, u = State(p, "u").Span;
        double step = LearningRate / (1 - Math.Pow(Beta1, StepCount)); // η/(1 − β1^t)
        for (int i = 0; i < theta.Length; i++)
        {
            m[i] = Beta1 * m[i] + (1 - Beta1) * g[i];       // m ← β1·m + (1 − β1)g
            u[i] = Math.Max(Beta2 * u[i], Math.Abs(g[i]));  // u ← max(β2·u, |g|)
            theta[i] -= step * m[i] / (u[i] + Epsilon);     // θ ← θ − η/(1 − β1^t)·m/(u + ε)
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"AdaMax(η = {NumberFormat.RoundTrip(LearningRate)}, β1 = {NumberFormat.RoundTrip(Beta1)}, β2 = {NumberFormat.RoundTrip(Beta2)})";
}
