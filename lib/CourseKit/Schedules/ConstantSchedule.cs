namespace CourseKit.Schedules;

/// <summary>
/// Constant step η_k = c (the lecture “Gradient descent: the basics”). the lecture “Deep networks”, §4 picks c with the learning-rate range test: start very
/// small, grow α by a constant factor, and take α ten times below the point where the loss starts to rise.
/// </summary>
public sealed class ConstantSchedule : LearningRateSchedule
{
    /// <param name="rate">c &gt; 0.</param>
    public ConstantSchedule(double rate) =>
        Value = Require.Positive(rate, nameof(rate), "the constant learning rate c");

    /// <summary>c.</summary>
    public double Value { get; }

    /// <inheritdoc/>
    protected override double RateAt(int k) => Value; // η_k = c

    /// <inheritdoc/>
    public override string ToString() => $"η_k = {NumberFormat.RoundTrip(Value)}";
}
