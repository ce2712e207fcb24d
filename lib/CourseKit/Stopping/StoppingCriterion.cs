namespace CourseKit.Stopping;

/// <summary>
/// A rule deciding when to stop training (the lectures “Optimisation methods and stopping criteria” and “Gradient descent: the basics”).
/// Call <see cref="Check"/> once per iteration with the current <see cref="TrainingProgress"/>.
/// Criteria combine with <c>a | b</c> (stop when any fires) or <see cref="AnyOf"/> / <see cref="AllOf"/>.
/// </summary>
public abstract class StoppingCriterion
{
    /// <summary>Whether to stop after this iteration, with the reason.</summary>
    public StopDecision Check(TrainingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return Evaluate(progress);
    }

    /// <summary>The rule itself.</summary>
    protected abstract StopDecision Evaluate(TrainingProgress progress);

    /// <summary>Forget any state (for a new training run). Stateless criteria do nothing.</summary>
    public virtual void Reset() { }

    /// <summary>Stop when either criterion says so.</summary>
    public static AnyOf operator |(StoppingCriterion left, StoppingCriterion right) => new(left, right);

    /// <summary>Stop when both criteria say so.</summary>
    public static AllOf operator &(StoppingCriterion left, StoppingCriterion right) => new(left, right);
}
