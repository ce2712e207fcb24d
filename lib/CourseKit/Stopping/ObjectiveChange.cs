namespace CourseKit.Stopping;

/// <summary>Stop when the objective no longer changes: |Q(w(k)) − Q(w(k−1))| &lt; ε (the lecture “Gradient descent: the basics”).
/// At k = 0 there is no previous value and training continues; from k = 1 on
/// <see cref="TrainingProgress.PreviousObjective"/> must be set.</summary>
public sealed class ObjectiveChange : StoppingCriterion
{
    /// <param name="epsilon">ε &gt; 0.</param>
    public ObjectiveChange(double epsilon) => Epsilon = Numbers.Epsilon(epsilon, "the threshold of |Q(k) − Q(k−1)|");

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override StopDecision Evaluate(TrainingProgress progress)
    {
        if (progress.Iteration == 0) return StopDecision.Continue("no Q(k−1) at iteration 0");
        double previous = Numbers.Require(progress.PreviousObjective, nameof(TrainingProgress.PreviousObjective), "ObjectiveChange (|Q(k) − Q(k−1)| < ε)", nameof(progress));
        double change = Math.Abs(progress.Objective - previous);
        string text = $"|Q(k) − Q(k−1)| = {NumberFormat.Compact(change)}";
        return change < Epsilon
            ? StopDecision.Stopped($"{text} < ε = {NumberFormat.Compact(Epsilon)} at iteration {progress.Iteration}")
            : StopDecision.Continue($"{text} ≥ ε = {NumberFormat.Compact(Epsilon)}");
    }
}
