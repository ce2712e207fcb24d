namespace CourseKit.Schedules;

/// <summary>
/// Exponential scheduling: "decrease by a given multiplicative constant every given number of steps"
/// (the lecture “Deep networks”, §4): α(t) = α(0)·γ^(t/s), so every s steps the rate is multiplied by γ (default γ = 0.1,
/// i.e. α(0)·0.1^(t/s): one order of magnitude per s steps). t = k − 1 is the number of updates already
/// made, so <c>Rate(1)</c> = α(0). With <c>staircase: true</c> the exponent is ⌊t/s⌋ and the rate drops in
/// jumps exactly every s steps (the lecture's literal wording); by default it decays smoothly.
/// </summary>
public sealed class ExponentialSchedule : LearningRateSchedule
{
    /// <param name="initialRate">α(0) &gt; 0.</param>
    /// <param name="s">s &gt; 0, the number of steps over which the rate is multiplied by γ.</param>
    /// <param name="gamma">γ in (0, 1), the multiplicative constant; 0.1 by default.</param>
    /// <param name="staircase">Use ⌊t/s⌋ instead of t/s.</param>
    public ExponentialSchedule(double initialRate, double s, double gamma = 0.1, bool staircase = false)
    {
        InitialRate = Require.Positive(initialRate, nameof(initialRate), "the initial learning rate α(0)");
        S = Require.Positive(s, nameof(s), "the number of steps per factor γ");
        Gamma = Require.OpenUnitInterval(gamma, nameof(gamma), "the factor γ applied every s steps");
        Staircase = staircase;
    }

    /// <summary>α(0).</summary>
    public double InitialRate { get; }
    /// <summary>s.</summary>
    public double S { get; }
    /// <summary>γ.</summary>
    public double Gamma { get; }
    /// <summary>Whether the exponent is ⌊t/s⌋.</summary>
    public bool Staircase { get; }

    /// <inheritdoc/>
    protected override double RateAt(int k)
    {
        int t = k - 1;
        double exponent = Staircase ? Math.Floor(t / S) : t / S;
        return InitialRate * Math.Pow(Gamma, exponent); // α(t) = α(0)·γ^(t/s)
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"α(t) = {NumberFormat.RoundTrip(InitialRate)}·{NumberFormat.RoundTrip(Gamma)}^" +
        (Staircase ? $"⌊t/{NumberFormat.RoundTrip(S)}⌋" : $"(t/{NumberFormat.RoundTrip(S)})");
}
