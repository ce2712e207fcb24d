namespace CourseKit.Stopping;

/// <summary>Stop when the objective is within ε of a known optimum: J(θ_t) − J(θ*) ≤ ε (the lecture “Optimisation methods and stopping criteria”). J* is
/// given to the constructor or, if not, taken from <see cref="TrainingProgress.KnownOptimum"/>.</summary>
public sealed class KnownOptimum : StoppingCriterion
{
    /// <param name="epsilon">ε &gt; 0.</param>
    /// <param name="optimum">J*; when null, the progress must carry it.</param>
    public KnownOptimum(double epsilon, double? optimum = null)
    {
        Epsilon = Numbers.Epsilon(epsilon, "the allowed gap J(θt) − J*");
        if (optimum is { } o && !double.IsFinite(o))
            throw new ArgumentOutOfRangeException(nameof(optimum), o, $"Expected a finite optimum value J*, got {o}.");
        Optimum = optimum;
    }

    /// <summary>ε.</summary>
    public double Epsilon { get; }
    /// <summary>J*, if fixed at construction.</summary>
    public double? Optimum { get; }

    /// <inheritdoc/>
    protected override StopDecision Evaluate(TrainingProgress progress)
    {
        double jStar = Optimum ?? progress.KnownOptimum ?? throw new ArgumentException(
            "KnownOptimum (J(θt) − J* ≤ ε) needs J*: pass it to the constructor or set TrainingProgress.KnownOptimum.", nameof(progress));
        double gap = progress.Objective - jStar;
        string text = $"J(θt) − J* = {NumberFormat.Compact(progress.Objective)} − {NumberFormat.Compact(jStar)} = {NumberFormat.Compact(gap)}";
        return gap <= Epsilon
            ? StopDecision.Stopped($"{text} ≤ ε = {NumberFormat.Compact(Epsilon)} at iteration {progress.Iteration}")
            : StopDecision.Continue($"{text} > ε = {NumberFormat.Compact(Epsilon)}");
    }
}
