namespace CourseKit.Training;

/// <summary>The outcome of <see cref="Trainer.Fit(MiniBatches, int, Tensor?, Tensor?)"/>.</summary>
/// <param name="History">Steps and epochs as recorded.</param>
/// <param name="StopReason">Why training ended, starting with "stopped:" (a criterion's reason, the epoch limit, or divergence).</param>
/// <param name="StoppedByCriterion">Whether a stopping criterion ended training (not the epoch limit).</param>
/// <param name="Diverged">Whether the loss became NaN/∞ (with <see cref="NonFiniteLossAction.Stop"/>).</param>
/// <param name="Epochs">Epochs completed.</param>
/// <param name="Steps">Updates made.</param>
/// <param name="BestEpoch">The epoch of early stopping's best validation metric, if early stopping was used.</param>
/// <param name="RestoredBestWeights">Whether the weights were set back to those of <paramref name="BestEpoch"/> at the end.</param>
public sealed record TrainingResult(TrainingHistory History, string StopReason, bool StoppedByCriterion, bool Diverged,
    int Epochs, int Steps, int? BestEpoch, bool RestoredBestWeights)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{StopReason}{(RestoredBestWeights ? $" (restored the weights of epoch {BestEpoch})" : "")}\n{History}";
}
