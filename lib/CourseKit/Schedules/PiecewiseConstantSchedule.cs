namespace CourseKit.Schedules;

/// <summary>
/// Piecewise constant scheduling: a constant α, changed to another constant after a given number of
/// steps or epochs (the lecture “Deep networks”, §4). With boundaries b0 &lt; b1 &lt; … and rates r0, r1, …, r_n:
/// α(t) = r0 for t &lt; b0, r1 for b0 ≤ t &lt; b1, …, r_n for t ≥ b_(n−1), where t = k − 1 is the number of
/// steps already made. Example: boundaries [5, 15], rates [0.1, 0.01, 0.001] gives 0.1 for steps 1–5,
/// 0.01 for steps 6–15 and 0.001 from step 16 on.
/// </summary>
public sealed class PiecewiseConstantSchedule : LearningRateSchedule
{
    private readonly int[] _boundaries;
    private readonly double[] _rates;

    /// <param name="boundaries">Strictly increasing step counts ≥ 1 after which the rate changes.</param>
    /// <param name="rates">One more rate than boundaries, each &gt; 0.</param>
    public PiecewiseConstantSchedule(IReadOnlyList<int> boundaries, IReadOnlyList<double> rates)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Count != boundaries.Count + 1)
            throw new ArgumentException(
                $"Expected one more rate than boundaries (a rate before the first boundary and after each), " +
                $"got {boundaries.Count} boundaries and {rates.Count} rates.", nameof(rates));
        for (int i = 0; i < boundaries.Count; i++)
        {
            if (boundaries[i] < 1)
                throw new ArgumentException($"Boundaries are step counts and must be ≥ 1, got boundaries[{i}] = {boundaries[i]}.", nameof(boundaries));
            if (i > 0 && boundaries[i] <= boundaries[i - 1])
                throw new ArgumentException(
                    $"Boundaries must be strictly increasing, got boundaries[{i - 1}] = {boundaries[i - 1]} and boundaries[{i}] = {boundaries[i]}.",
                    nameof(boundaries));
        }
        for (int i = 0; i < rates.Count; i++)
            Require.Positive(rates[i], $"rates[{i}]", "a learning rate");
        _boundaries = boundaries.ToArray();
        _rates = rates.ToArray();
    }

    /// <summary>The step counts after which the rate changes.</summary>
    public IReadOnlyList<int> Boundaries => _boundaries;
    /// <summary>The rates, one per piece.</summary>
    public IReadOnlyList<double> Values => _rates;

    /// <inheritdoc/>
    protected override double RateAt(int k)
    {
        int t = k - 1, piece = 0;
        while (piece < _boundaries.Length && t >= _boundaries[piece]) piece++;
        return _rates[piece]; // α(t) = r_i for b_(i−1) ≤ t < b_i
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"piecewise constant: boundaries [{string.Join(", ", _boundaries)}], rates [{string.Join(", ", _rates.Select(NumberFormat.RoundTrip))}]";
}
