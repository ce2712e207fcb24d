namespace CourseKit.Schedules;

/// <summary>
/// 1cycle scheduling (the lecture “Deep networks”, §4): for the first half of training α grows linearly from α0 to α1, for the
/// second half it falls linearly from α1 to α0 "reduced by a few orders of magnitude". α1 is chosen as for
/// the constant schedule (ten times below where the loss starts to rise in the range test) and α0 should be
/// ten times smaller than α1.
/// </summary>
/// <remarks>
/// With T = <c>totalSteps</c>, t = k − 1 and the peak at m = ⌊T/2⌋:
/// α(t) = α0 + (α1 − α0)·t/m for t ≤ m, α(t) = α1 + (α_end − α1)·(t − m)/(T − 1 − m) for m &lt; t ≤ T − 1,
/// and α_end for t ≥ T − 1. Defaults: α0 = α1/10 and α_end = α0/1000 (three orders of magnitude). The seed
/// does not mention cycling momentum (Smith's original 1cycle also moves momentum inversely); it is not
/// part of this class.
/// </remarks>
public sealed class OneCycleSchedule : LearningRateSchedule
{
    /// <param name="maxRate">α1 &gt; 0, the peak.</param>
    /// <param name="totalSteps">T ≥ 3, the length of the cycle in steps.</param>
    /// <param name="initialRate">α0 in (0, α1); α1/10 when omitted.</param>
    /// <param name="finalRate">α_end in (0, α1); α0/1000 when omitted.</param>
    public OneCycleSchedule(double maxRate, int totalSteps, double? initialRate = null, double? finalRate = null)
    {
        MaxRate = Require.Positive(maxRate, nameof(maxRate), "the peak rate α1");
        if (totalSteps < 3)
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps,
                $"totalSteps (the length of the cycle) must be ≥ 3 to have a rising and a falling half, got {totalSteps}.");
        TotalSteps = totalSteps;
        InitialRate = Require.Positive(initialRate ?? MaxRate / 10, nameof(initialRate), "the starting rate α0");
        FinalRate = Require.Positive(finalRate ?? InitialRate / 1000, nameof(finalRate), "the final rate");
        if (InitialRate >= MaxRate)
            throw new ArgumentOutOfRangeException(nameof(initialRate), InitialRate,
                $"initialRate α0 must be below maxRate α1 = {NumberFormat.RoundTrip(MaxRate)}, got {NumberFormat.RoundTrip(InitialRate)}.");
        if (FinalRate >= MaxRate)
            throw new ArgumentOutOfRangeException(nameof(finalRate), FinalRate,
                $"finalRate must be below maxRate α1 = {NumberFormat.RoundTrip(MaxRate)}, got {NumberFormat.RoundTrip(FinalRate)}.");
    }

    /// <summary>α1, the peak.</summary>
    public double MaxRate { get; }
    /// <summary>α0, the start.</summary>
    public double InitialRate { get; }
    /// <summary>α_end, the rate at the last step and after.</summary>
    public double FinalRate { get; }
    /// <summary>T.</summary>
    public int TotalSteps { get; }
    /// <summary>The step number k at which α = α1 (k = m + 1).</summary>
    public int PeakStep => TotalSteps / 2 + 1;

    /// <inheritdoc/>
    protected override double RateAt(int k)
    {
        int t = k - 1, m = TotalSteps / 2, last = TotalSteps - 1;
        if (t <= m) return InitialRate + (MaxRate - InitialRate) * t / m;           // rising half
        if (t >= last) return FinalRate;
        return MaxRate + (FinalRate - MaxRate) * (t - m) / (double)(last - m);      // falling half
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"1cycle: {NumberFormat.RoundTrip(InitialRate)} → {NumberFormat.RoundTrip(MaxRate)} → {NumberFormat.RoundTrip(FinalRate)} over {TotalSteps} steps";
}
