namespace CourseKit.Stopping;

/// <summary>Stop when the training objective reaches a fixed value: Q(w(k)) ≤ target — early stopping as
/// the lecture “Deep networks” (Algorithm 18) states it: "stop when the training error reaches a set value", so the weights do
/// not grow too large.</summary>
public sealed class ObjectiveTarget : StoppingCriterion
{
    /// <param name="target">The objective value to reach (finite).</param>
    public ObjectiveTarget(double target)
    {
        if (!double.IsFinite(target))
            throw new ArgumentOutOfRangeException(nameof(target), target, $"Expected a finite target objective, got {target}.");
        Target = target;
    }

    /// <summary>The objective value to reach.</summary>
    public double Target { get; }

    /// <inheritdoc/>
    protected override StopDecision Evaluate(TrainingProgress progress) => progress.Objective <= Target
        ? StopDecision.Stopped($"Q(k) = {NumberFormat.Compact(progress.Objective)} ≤ target {NumberFormat.Compact(Target)} at iteration {progress.Iteration}")
        : StopDecision.Continue($"Q(k) = {NumberFormat.Compact(progress.Objective)} > target {NumberFormat.Compact(Target)}");
}
