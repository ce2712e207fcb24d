namespace CourseKit.Stopping;

/// <summary>Stop when the objective has fallen to a fraction of its initial value: J(θ_t) ≤ ε·J(θ_0)
/// (the lecture “Optimisation methods and stopping criteria”). Meant for non-negative objectives (losses). Needs
/// <see cref="TrainingProgress.InitialObjective"/>.</summary>
public sealed class RelativeObjective : StoppingCriterion
{
    /// <param name="epsilon">ε &gt; 0, e.g. 1e-3.</param>
    public RelativeObjective(double epsilon) => Epsilon = Numbers.Epsilon(epsilon, "the fraction of J(θ0)");

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override StopDecision Evaluate(TrainingProgress progress)
    {
        double j0 = Numbers.Require(progress.InitialObjective, nameof(TrainingProgress.InitialObjective), "RelativeObjective (J(θt) ≤ εJ(θ0))", nameof(progress));
        double bound = Epsilon * j0;
        string text = $"J(θt) = {NumberFormat.Compact(progress.Objective)}";
        string rhs = $"ε·J(θ0) = {NumberFormat.Compact(Epsilon)}·{NumberFormat.Compact(j0)} = {NumberFormat.Compact(bound)}";
        return progress.Objective <= bound
            ? StopDecision.Stopped($"{text} ≤ {rhs} at iteration {progress.Iteration}")
            : StopDecision.Continue($"{text} > {rhs}");
    }
}
