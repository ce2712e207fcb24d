namespace CourseKit.Optimisers;

/// <summary>
/// NAdam, Nesterov-accelerated Adam (Dozat 2016; named in the lecture “Deep networks” after Algorithm 14). Adam's moments and
/// bias correction, but the momentum term looks one step ahead: the step uses β1·m̂_t (the next step's
/// momentum) plus the current gradient's bias-corrected share:
/// θ ← θ − η/(√v̂ + ε) · (β1·m̂ + (1 − β1)·g/(1 − β1^t)), β1 = 0.9, β2 = 0.999, η = 0.002, ε = 1e-8.
/// </summary>
/// <remarks>This is the constant-β1 form of Dozat's paper (as in Ruder's overview, which the lecture “Optimisation: gradient descent and its variants” follows);
/// PyTorch's NAdam adds a momentum-decay schedule on top (its <c>momentum_decay</c>). ε outside the root,
/// as in Adam, whose moments, hyper-parameters and checks it shares; only the step differs.</remarks>
public sealed class NAdam : Adam
{
    /// <param name="parameters">The parameters θ.</param>
    /// <param name="learningRate">η &gt; 0; 0.002 by default (Dozat's value).</param>
    /// <param name="beta1">β1 in [0, 1); 0.9 by default.</param>
    /// <param name="beta2">β2 in [0, 1); 0.999 by default.</param>
    /// <param name="epsilon">ε &gt; 0; 1e-8 by default.</param>
    public NAdam(IEnumerable<Parameter> parameters, double learningRate = 0.002, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(parameters, learningRate, beta1, beta2, epsilon)
    {
    }

    /// <inheritdoc/>
    protected override void Update(Parameter p)
    {
        Span<double> theta = p.Value.Span, g = p.Grad.Span, m = State(p, "m").Span, v = State(p, "v").Span;
        double eta = LearningRate;
        double c1 = 1 - Math.Pow(Beta1, StepCount), c2 = 1 - Math.Pow(Beta2, StepCount);
        for (int i = 0; i < theta.Length; i++)
        {
            m[i] = Beta1 * m[i] + (1 - Beta1) * g[i];        // m ← β1·m + (1 − β1)g
            v[i] = Beta2 * v[i] + (1 - Beta2) * g[i] * g[i]; // v ← β2·v + (1 − β2)g²
            double mHat = m[i] / c1, vHat = v[i] / c2;
            double nesterovMomentum = Beta1 * mHat + (1 - Beta1) * g[i] / c1; // β1·m̂ + (1 − β1)g/(1 − β1^t)
            theta[i] -= eta / (Math.Sqrt(vHat) + Epsilon) * nesterovMomentum;
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"NAdam(η = {NumberFormat.RoundTrip(LearningRate)}, β1 = {NumberFormat.RoundTrip(Beta1)}, β2 = {NumberFormat.RoundTrip(Beta2)})";
}
