namespace CourseKit.Stopping;

/// <summary>Stop when the time limit is reached: elapsed ≥ T ("превышен лимит по … времени", the lecture “Optimisation methods and stopping criteria”).</summary>
public sealed class MaxTime : StoppingCriterion
{
    /// <param name="limit">T &gt; 0.</param>
    public MaxTime(TimeSpan limit)
    {
        if (limit <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"Expected a positive time limit, got {limit}.");
        Limit = limit;
    }

    /// <summary>T.</summary>
    public TimeSpan Limit { get; }

    /// <inheritdoc/>
    protected override StopDecision Evaluate(TrainingProgress progress) => progress.Elapsed >= Limit
        ? StopDecision.Stopped($"elapsed {NumberFormat.Compact(progress.Elapsed)} ≥ limit {NumberFormat.Compact(Limit)} at iteration {progress.Iteration}")
        : StopDecision.Continue($"elapsed {NumberFormat.Compact(progress.Elapsed)} < limit {NumberFormat.Compact(Limit)}");
}
