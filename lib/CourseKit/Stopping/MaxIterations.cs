namespace CourseKit.Stopping;

/// <summary>Stop when the iteration limit is reached: k ≥ N ("превышен лимит по числу итераций", the lecture “Optimisation methods and stopping criteria”).</summary>
public sealed class MaxIterations : StoppingCriterion
{
    /// <param name="limit">N ≥ 1.</param>
    public MaxIterations(int limit)
    {
        Limit = Require.AtLeastOne(limit, nameof(limit), "the iteration limit");
    }

    /// <summary>N.</summary>
    public int Limit { get; }

    /// <inheritdoc/>
    protected override StopDecision Evaluate(TrainingProgress progress) => progress.Iteration >= Limit
        ? StopDecision.Stopped($"iteration {progress.Iteration} reached the limit of {Limit} iterations")
        : StopDecision.Continue($"iteration {progress.Iteration} of {Limit}");
}
