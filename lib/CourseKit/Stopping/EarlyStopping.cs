namespace CourseKit.Stopping;

/// <summary>
/// Early stopping on a validation metric: stop when "the quality on validation started to get worse"
/// (the lecture “Optimisation methods and stopping criteria”), i.e. the metric has not improved on its best by more than <c>minDelta</c> for
/// <c>patience</c> consecutive evaluations; then restore the weights of the best evaluation.
/// </summary>
/// <remarks>
/// <para>Set <see cref="TrainingProgress.ValidationMetric"/> only on iterations where you evaluated;
/// progress without it is ignored, and checking the same iteration twice counts once.</para>
/// <para>This class holds no weights. When an evaluation is a new best, <see cref="IsNewBest"/> is true
/// and <see cref="NewBest"/> fires: the trainer copies the weights then, and restores that copy when the
/// criterion stops (the best iteration is <see cref="BestIteration"/>).</para>
/// <para>the lecture “Deep networks” (Algorithm 18) describes the simpler variant "stop when the training error reaches a
/// fixed value": that is <see cref="ObjectiveTarget"/>.</para>
/// </remarks>
public sealed class EarlyStopping : StoppingCriterion
{
    private int _lastIteration = -1;
    private StopDecision _lastDecision;

    /// <param name="patience">Evaluations without improvement before stopping, ≥ 1.</param>
    /// <param name="minDelta">Least change that counts as an improvement, ≥ 0.</param>
    /// <param name="mode">Whether lower (loss) or higher (accuracy) is better.</param>
    public EarlyStopping(int patience = 5, double minDelta = 0.0, MetricMode mode = MetricMode.Minimize)
    {
        Require.AtLeastOne(patience, nameof(patience), "evaluations without improvement before stopping");
        Require.NonNegative(minDelta, nameof(minDelta), "the least change that counts as an improvement");
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Expected MetricMode.Minimize or MetricMode.Maximize.");
        Patience = patience;
        MinDelta = minDelta;
        Mode = mode;
    }

    /// <summary>Evaluations without improvement before stopping.</summary>
    public int Patience { get; }
    /// <summary>Least change that counts as an improvement.</summary>
    public double MinDelta { get; }
    /// <summary>Whether lower or higher is better.</summary>
    public MetricMode Mode { get; }

    /// <summary>The best metric so far; null before the first evaluation.</summary>
    public double? Best { get; private set; }
    /// <summary>The iteration of the best metric: restore the weights saved then.</summary>
    public int? BestIteration { get; private set; }
    /// <summary>Consecutive evaluations without improvement.</summary>
    public int EvaluationsWithoutImprovement { get; private set; }
    /// <summary>Whether the last evaluation was a new best (snapshot the weights now).</summary>
    public bool IsNewBest { get; private set; }

    /// <summary>Raised with the progress of each evaluation that is a new best.</summary>
    public event EventHandler<TrainingProgress>? NewBest;

    /// <inheritdoc/>
    protected override StopDecision Evaluate(TrainingProgress progress)
    {
        if (progress.ValidationMetric is not { } metric)
            return StopDecision.Continue($"no validation metric at iteration {progress.Iteration}");
        if (progress.Iteration == _lastIteration) return _lastDecision;
        if (!double.IsFinite(metric))
            throw new ArgumentException($"Expected a finite validation metric, got {metric} at iteration {progress.Iteration}.", nameof(progress));

        _lastIteration = progress.Iteration;
        bool improved = Best is not { } best
            || (Mode == MetricMode.Minimize ? metric < best - MinDelta : metric > best + MinDelta);
        IsNewBest = improved;
        if (improved)
        {
            Best = metric;
            BestIteration = progress.Iteration;
            EvaluationsWithoutImprovement = 0;
            _lastDecision = StopDecision.Continue($"new best validation metric {NumberFormat.Compact(metric)} at iteration {progress.Iteration}");
            NewBest?.Invoke(this, progress);
            return _lastDecision;
        }

        EvaluationsWithoutImprovement++;
        string state = $"validation metric {NumberFormat.Compact(metric)} has not improved on the best {NumberFormat.Compact(Best!.Value)} " +
                       $"(iteration {BestIteration}) for {EvaluationsWithoutImprovement} evaluation(s)";
        _lastDecision = EvaluationsWithoutImprovement >= Patience
            ? StopDecision.Stopped($"{state}, patience {Patience}, at iteration {progress.Iteration}; restore the weights of iteration {BestIteration}")
            : StopDecision.Continue($"{state}, patience {Patience}");
        return _lastDecision;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        Best = null;
        BestIteration = null;
        EvaluationsWithoutImprovement = 0;
        IsNewBest = false;
        _lastIteration = -1;
        _lastDecision = default;
    }
}
