namespace CourseKit.Stopping;

/// <summary>
/// A snapshot of training after iteration k, everything a stopping criterion looks at, without tensors:
/// the trainer computes the norms and fills in what it knows. Iteration k counts completed updates
/// (k = 0 is the initial point w(0), as in the lecture “Gradient descent: the basics”'s w(k) = w(k−1) − η_k∇Q).
/// </summary>
/// <example><code>
/// var p = new TrainingProgress(412, q) { PreviousObjective = qPrev, WeightChangeNorm = dw };
/// </code></example>
public sealed record TrainingProgress
{
    /// <param name="iteration">k ≥ 0, the number of updates made so far.</param>
    /// <param name="objective">Q(w(k)) = J(θ_k), the current value of the objective (training loss).</param>
    public TrainingProgress(int iteration, double objective)
    {
        if (iteration < 0)
            throw new ArgumentOutOfRangeException(nameof(iteration), iteration, $"Expected an iteration number k ≥ 0, got {iteration}.");
        Iteration = iteration;
        Objective = objective;
    }

    /// <summary>k, the number of updates made so far (0 = the initial point).</summary>
    public int Iteration { get; }
    /// <summary>Q(w(k)) = J(θ_k).</summary>
    public double Objective { get; }
    /// <summary>Wall-clock time since training started.</summary>
    public TimeSpan Elapsed { get; init; }
    /// <summary>Q(w(k−1)); null at k = 0.</summary>
    public double? PreviousObjective { get; init; }
    /// <summary>J(θ_0), the objective at the initial point.</summary>
    public double? InitialObjective { get; init; }
    /// <summary>J* = J(θ*), when the optimum value is known (test surfaces, realisable problems).</summary>
    public double? KnownOptimum { get; init; }
    /// <summary>‖w(k) − w(k−1)‖; null at k = 0.</summary>
    public double? WeightChangeNorm { get; init; }
    /// <summary>‖∇J(θ_k)‖.</summary>
    public double? GradientNorm { get; init; }
    /// <summary>‖∇J(θ_0)‖.</summary>
    public double? InitialGradientNorm { get; init; }
    /// <summary>The validation metric, set only on iterations where it was evaluated.</summary>
    public double? ValidationMetric { get; init; }
}
