namespace CourseKit.Schedules;

/// <summary>
/// A learning-rate schedule: the step size η_k of the k-th update
/// w(k) = w(k−1) − η_k·∇Q(w(k−1)) (the lecture “Gradient descent: the basics”, "градиентный шаг η_k").
/// </summary>
/// <remarks>
/// <para><b>Steps count from 1</b>, as in the lecture “Gradient descent: the basics”, where η_k = 1/k is undefined at k = 0:
/// <c>Rate(1)</c> is the rate of the first update. the lecture “Deep networks” (§4) writes its schedules as α(t) with
/// t = the number of updates already made, so those classes use t = k − 1 and <c>Rate(1)</c> = α(0).</para>
/// <para>A "step" is whatever unit the trainer counts: one update (mini-batch) or one epoch.</para>
/// <para>Performance-based schedules (<see cref="OnPlateauSchedule"/>) also take the monitored metric
/// through <see cref="Observe"/>; the others ignore it.</para>
/// </remarks>
public abstract class LearningRateSchedule
{
    /// <summary>η_k, the learning rate of update number <paramref name="step"/> (k ≥ 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">step &lt; 1.</exception>
    public double Rate(int step)
    {
        if (step < 1)
            throw new ArgumentOutOfRangeException(nameof(step), step,
                $"Steps count from 1 (k in w(k) = w(k−1) − η_k·∇Q(w(k−1))); expected step ≥ 1, got {step}.");
        return RateAt(step);
    }

    /// <summary>The formula of the schedule, for k ≥ 1.</summary>
    protected abstract double RateAt(int k);

    /// <summary>Report the monitored metric (e.g. the validation loss). Ignored by schedules that
    /// depend on the step number only.</summary>
    public virtual void Observe(double metric) { }

    /// <summary>The rates of steps 1..<paramref name="count"/> (for charts).</summary>
    public double[] Rates(int count)
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Expected a non-negative number of steps, got {count}.");
        var rates = new double[count];
        for (int k = 1; k <= count; k++) rates[k - 1] = Rate(k);
        return rates;
    }
}
