namespace CourseKit.Schedules;

/// <summary>
/// Power scheduling α(t) = α(0) / (1 + t/s)^c, hyperparameters s and c, "usually c = 1" (the lecture “Deep networks”, §4).
/// t is the number of updates already made: t = k − 1, so <c>Rate(1)</c> = α(0). After s steps the rate
/// is α(0)/2^c, after 3s steps α(0)/4^c, ...
/// </summary>
public sealed class PowerSchedule : LearningRateSchedule
{
    /// <param name="initialRate">α(0) &gt; 0.</param>
    /// <param name="s">s &gt; 0, the step scale.</param>
    /// <param name="c">c &gt; 0, the power; the lecture's usual value 1 by default.</param>
    public PowerSchedule(double initialRate, double s, double c = 1.0)
    {
        InitialRate = Require.Positive(initialRate, nameof(initialRate), "the initial learning rate α(0)");
        S = Require.Positive(s, nameof(s), "the step scale s of α(0)/(1 + t/s)^c");
        C = Require.Positive(c, nameof(c), "the power c of α(0)/(1 + t/s)^c");
    }

    /// <summary>α(0).</summary>
    public double InitialRate { get; }
    /// <summary>s.</summary>
    public double S { get; }
    /// <summary>c.</summary>
    public double C { get; }

    /// <inheritdoc/>
    protected override double RateAt(int k)
    {
        int t = k - 1;
        return InitialRate / Math.Pow(1 + t / S, C); // α(t) = α(0)/(1 + t/s)^c
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"α(t) = {NumberFormat.RoundTrip(InitialRate)}/(1 + t/{NumberFormat.RoundTrip(S)})^{NumberFormat.RoundTrip(C)}";
}
