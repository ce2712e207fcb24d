namespace CourseKit.Stopping;

/// <summary>Stop when the gradient has shrunk to a fraction of its initial norm:
/// ‖∇J(θ_t)‖ ≤ ε·‖∇J(θ_0)‖ (the lecture “Optimisation methods and stopping criteria”). Needs <see cref="TrainingProgress.GradientNorm"/> and
/// <see cref="TrainingProgress.InitialGradientNorm"/>.</summary>
public sealed class RelativeGradient : StoppingCriterion
{
    /// <param name="epsilon">ε &gt; 0, e.g. 1e-3.</param>
    public RelativeGradient(double epsilon) => Epsilon = Numbers.Epsilon(epsilon, "the fraction of ‖∇J(θ0)‖");

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override StopDecision Evaluate(TrainingProgress progress)
    {
        const string name = "RelativeGradient (‖∇J(θt)‖ ≤ ε‖∇J(θ0)‖)";
        double g = Numbers.Require(progress.GradientNorm, nameof(TrainingProgress.GradientNorm), name, nameof(progress));
        double g0 = Numbers.Require(progress.InitialGradientNorm, nameof(TrainingProgress.InitialGradientNorm), name, nameof(progress));
        double bound = Epsilon * g0;
        string text = $"‖∇J(θt)‖ = {NumberFormat.Compact(g)}";
        string rhs = $"ε·‖∇J(θ0)‖ = {NumberFormat.Compact(Epsilon)}·{NumberFormat.Compact(g0)} = {NumberFormat.Compact(bound)}";
        return g <= bound
            ? StopDecision.Stopped($"{text} ≤ {rhs} at iteration {progress.Iteration}")
            : StopDecision.Continue($"{text} > {rhs}");
    }
}
