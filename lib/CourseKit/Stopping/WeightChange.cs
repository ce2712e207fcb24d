namespace CourseKit.Stopping;

/// <summary>Stop when the weights no longer move: ‖w(k) − w(k−1)‖ &lt; ε (the lecture “Gradient descent: the basics”). At k = 0 training
/// continues; from k = 1 on <see cref="TrainingProgress.WeightChangeNorm"/> must be set.</summary>
public sealed class WeightChange : StoppingCriterion
{
    /// <param name="epsilon">ε &gt; 0.</param>
    public WeightChange(double epsilon) => Epsilon = Numbers.Epsilon(epsilon, "the threshold of ‖w(k) − w(k−1)‖");

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override StopDecision Evaluate(TrainingProgress progress)
    {
        if (progress.Iteration == 0) return StopDecision.Continue("no w(k−1) at iteration 0");
        double change = Numbers.Require(progress.WeightChangeNorm, nameof(TrainingProgress.WeightChangeNorm), "WeightChange (‖w(k) − w(k−1)‖ < ε)", nameof(progress));
        string text = $"‖w(k) − w(k−1)‖ = {NumberFormat.Compact(change)}";
        return change < Epsilon
            ? StopDecision.Stopped($"{text} < ε = {NumberFormat.Compact(Epsilon)} at iteration {progress.Iteration}")
            : StopDecision.Continue($"{text} ≥ ε = {NumberFormat.Compact(Epsilon)}");
    }
}
