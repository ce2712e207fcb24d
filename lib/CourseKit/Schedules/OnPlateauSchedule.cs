namespace CourseKit.Schedules;

/// <summary>
/// Performance scheduling (the lecture “Deep networks”, §4): "every N steps check the validation error and divide α by a fixed
/// λ if the error stops decreasing". Call <see cref="LearningRateSchedule.Observe"/> with the validation
/// error each time you evaluate (that is the lecture's "every N steps"). When the error has not improved on
/// its best by more than <c>minDelta</c> for <c>patience</c> consecutive observations, α ← max(α·factor,
/// minRate), i.e. α is divided by λ = 1/factor; then <c>cooldown</c> observations are ignored before
/// counting again. <c>Rate(k)</c> returns the current α whatever k is.
/// </summary>
/// <remarks>
/// Defaults follow common practice (PyTorch's ReduceLROnPlateau: factor 0.1, patience 10, cooldown 0);
/// the seed gives no numbers. Unlike PyTorch (which reduces after patience + 1 bad evaluations), the
/// reduction happens at the <c>patience</c>-th bad observation, so patience = 1 is the lecture's literal
/// "divide as soon as the error stops decreasing". The metric is minimised (an error or a loss); to
/// monitor accuracy pass 1 − accuracy.
/// </remarks>
public sealed class OnPlateauSchedule : LearningRateSchedule
{
    private int _badObservations;
    private int _cooldownLeft;

    /// <param name="initialRate">α at the start, &gt; 0.</param>
    /// <param name="factor">Multiplier in (0, 1) applied on a plateau (= 1/λ of the seed).</param>
    /// <param name="patience">Number of consecutive observations without improvement before a reduction, ≥ 1.</param>
    /// <param name="minDelta">An observation improves only if it is below best − minDelta, ≥ 0.</param>
    /// <param name="cooldown">Observations ignored after a reduction, ≥ 0.</param>
    /// <param name="minRate">The rate never goes below this, ≥ 0 and below initialRate.</param>
    public OnPlateauSchedule(double initialRate, double factor = 0.1, int patience = 10,
                             double minDelta = 0.0, int cooldown = 0, double minRate = 0.0)
    {
        InitialRate = Require.Positive(initialRate, nameof(initialRate), "the initial learning rate");
        Factor = Require.OpenUnitInterval(factor, nameof(factor), "the multiplier α ← α·factor on a plateau");
        Patience = Require.AtLeastOne(patience, nameof(patience), "observations without improvement before reducing");
        MinDelta = Require.NonNegative(minDelta, nameof(minDelta), "the least decrease that counts as an improvement");
        if (cooldown < 0)
            throw new ArgumentOutOfRangeException(nameof(cooldown), cooldown, $"cooldown (observations ignored after a reduction) must be ≥ 0, got {cooldown}.");
        Cooldown = cooldown;
        MinRate = Require.NonNegative(minRate, nameof(minRate), "the lower bound of the rate");
        if (MinRate >= InitialRate)
            throw new ArgumentOutOfRangeException(nameof(minRate), minRate,
                $"minRate must be below initialRate = {NumberFormat.RoundTrip(InitialRate)}, got {NumberFormat.RoundTrip(minRate)}.");
        Current = InitialRate;
    }

    /// <summary>α at the start.</summary>
    public double InitialRate { get; }
    /// <summary>The multiplier applied on a plateau.</summary>
    public double Factor { get; }
    /// <summary>Observations without improvement before a reduction.</summary>
    public int Patience { get; }
    /// <summary>The least decrease that counts as an improvement.</summary>
    public double MinDelta { get; }
    /// <summary>Observations ignored after a reduction.</summary>
    public int Cooldown { get; }
    /// <summary>Lower bound of the rate.</summary>
    public double MinRate { get; }

    /// <summary>The current α.</summary>
    public double Current { get; private set; }
    /// <summary>The best (lowest) metric observed so far; +∞ before the first observation.</summary>
    public double Best { get; private set; } = double.PositiveInfinity;
    /// <summary>How many times the rate has been reduced.</summary>
    public int Reductions { get; private set; }
    /// <summary>Whether the last <see cref="Observe"/> reduced the rate.</summary>
    public bool ReducedOnLastObservation { get; private set; }

    /// <inheritdoc/>
    protected override double RateAt(int k) => Current;

    /// <summary>Report the validation error (lower is better).</summary>
    /// <exception cref="ArgumentException">The metric is NaN or infinite.</exception>
    public override void Observe(double metric)
    {
        if (!double.IsFinite(metric))
            throw new ArgumentException($"Expected a finite validation metric, got {NumberFormat.RoundTrip(metric)}.", nameof(metric));
        ReducedOnLastObservation = false;
        if (metric < Best - MinDelta) { Best = metric; _badObservations = 0; }
        else _badObservations++;
        if (_cooldownLeft > 0) { _cooldownLeft--; _badObservations = 0; } // observations in cooldown do not count
        if (_badObservations >= Patience && Current > MinRate)
        {
            Current = Math.Max(Current * Factor, MinRate); // α ← α/λ
            Reductions++;
            ReducedOnLastObservation = true;
            _badObservations = 0;
            _cooldownLeft = Cooldown;
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"on plateau: α = {NumberFormat.RoundTrip(Current)}, ×{NumberFormat.RoundTrip(Factor)} after {Patience} observations without improvement";
}
