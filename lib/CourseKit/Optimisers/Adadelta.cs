namespace CourseKit.Optimisers;

/// <summary>
/// Adadelta (Zeiler 2012; the lectures “Optimisation: gradient descent and its variants” and “Optimisation methods and stopping criteria”): RMSProp without a learning rate. The step's units come from a
/// running RMS of the past steps themselves:
/// E[g²] ← ρE[g²] + (1 − ρ)g², Δθ = −(RMS[Δθ]_{t−1} / RMS[g]_t)·g, E[Δθ²] ← ρE[Δθ²] + (1 − ρ)Δθ², θ ← θ + Δθ,
/// where RMS[x] = √(E[x²] + ε). Defaults ρ = 0.9 (the lecture “Optimisation: gradient descent and its variants”'s "usually 0.9" for the average) and ε = 1e-6
/// (Zeiler's value; it also sets the size of the very first steps, √ε/RMS[g]).
/// </summary>
/// <remarks>ε placement: inside both square roots, as in Zeiler's paper and PyTorch. There is no η in the
/// lecture's rule: <see cref="Optimiser.LearningRate"/> is an extra multiplier θ ← θ + η·Δθ (as in PyTorch),
/// 1 by default, which is the lecture's rule exactly.</remarks>
public sealed class Adadelta : Optimiser
{
    /// <param name="parameters">The parameters θ.</param>
    /// <param name="rho">ρ in [0, 1), the decay of both averages; 0.9 by default.</param>
    /// <param name="epsilon">ε &gt; 0; 1e-6 by default.</param>
    /// <param name="learningRate">An optional multiplier of Δθ; 1 (the lecture's rule) by default.</param>
    public Adadelta(IEnumerable<Parameter> parameters, double rho = 0.9, double epsilon = 1e-6, double learningRate = 1.0)
        : base(parameters, learningRate)
    {
        Rho = Require.UnitInterval(rho, nameof(rho), "the decay ρ of E[g²] and E[Δθ²]");
        Epsilon = Require.Positive(epsilon, nameof(epsilon), "the smoothing term ε in RMS[x] = √(E[x²] + ε)");
    }

    /// <summary>ρ.</summary>
    public double Rho { get; }
    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override void Update(Parameter p)
    {
        Span<double> theta = p.Value.Span, g = p.Grad.Span;
        Span<double> eg2 = State(p, "E[g²]").Span, edx2 = State(p, "E[Δθ²]").Span;
        double eta = LearningRate;
        for (int i = 0; i < theta.Length; i++)
        {
            eg2[i] = Rho * eg2[i] + (1 - Rho) * g[i] * g[i];                   // E[g²] ← ρE[g²] + (1 − ρ)g²
            double dx = -Math.Sqrt(edx2[i] + Epsilon) / Math.Sqrt(eg2[i] + Epsilon) * g[i]; // Δθ = −RMS[Δθ]/RMS[g]·g
            edx2[i] = Rho * edx2[i] + (1 - Rho) * dx * dx;                     // E[Δθ²] ← ρE[Δθ²] + (1 − ρ)Δθ²
            theta[i] += eta * dx;                                              // θ ← θ + Δθ
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Adadelta(ρ = {NumberFormat.RoundTrip(Rho)}, ε = {NumberFormat.RoundTrip(Epsilon)})";
}
