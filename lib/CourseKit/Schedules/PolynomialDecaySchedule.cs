namespace CourseKit.Schedules;

/// <summary>
/// Step η_k = λ·(s0/(s0 + k))^p, with parameters λ, s0, p (the lecture “Gradient descent: the basics”). η starts just below λ and decays
/// like k^(−p) once k ≫ s0.
/// </summary>
public sealed class PolynomialDecaySchedule : LearningRateSchedule
{
    /// <param name="lambda">λ &gt; 0, the scale.</param>
    /// <param name="s0">s0 &gt; 0, how many steps the rate stays near λ.</param>
    /// <param name="p">p &gt; 0, the decay exponent.</param>
    public PolynomialDecaySchedule(double lambda, double s0, double p)
    {
        Lambda = Require.Positive(lambda, nameof(lambda), "the scale λ of λ(s0/(s0+k))^p");
        S0 = Require.Positive(s0, nameof(s0), "the offset s0 of λ(s0/(s0+k))^p");
        P = Require.Positive(p, nameof(p), "the exponent p of λ(s0/(s0+k))^p");
    }

    /// <summary>λ.</summary>
    public double Lambda { get; }
    /// <summary>s0.</summary>
    public double S0 { get; }
    /// <summary>p.</summary>
    public double P { get; }

    /// <inheritdoc/>
    protected override double RateAt(int k) => Lambda * Math.Pow(S0 / (S0 + k), P); // η_k = λ(s0/(s0+k))^p

    /// <inheritdoc/>
    public override string ToString() =>
        $"η_k = {NumberFormat.RoundTrip(Lambda)}·({NumberFormat.RoundTrip(S0)}/({NumberFormat.RoundTrip(S0)} + k))^{NumberFormat.RoundTrip(P)}";
}
