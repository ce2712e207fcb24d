namespace CourseKit.Schedules;

/// <summary>
/// Step η_k = c/k (the lecture “Gradient descent: the basics” gives η_k = 1/k, i.e. c = 1). The classic Robbins–Monro choice: Σ η_k
/// diverges while Σ η_k² converges, which is what SGD needs to converge (the lecture “Optimisation: gradient descent and its variants”).
/// </summary>
public sealed class InverseTimeSchedule : LearningRateSchedule
{
    /// <param name="scale">c &gt; 0; the lecture's η_k = 1/k is c = 1.</param>
    public InverseTimeSchedule(double scale = 1.0) =>
        Scale = Require.Positive(scale, nameof(scale), "the numerator c of η_k = c/k");

    /// <summary>c.</summary>
    public double Scale { get; }

    /// <inheritdoc/>
    protected override double RateAt(int k) => Scale / k; // η_k = c/k

    /// <inheritdoc/>
    public override string ToString() => $"η_k = {NumberFormat.RoundTrip(Scale)}/k";
}
