namespace CourseKit.Training;

/// <summary>The summary of one epoch (one pass over the training data).</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Step">k, the number of updates made by the end of the epoch.</param>
/// <param name="TrainLoss">The mean of the epoch's batch losses, weighted by batch size (each measured before its update).</param>
/// <param name="ValidationLoss">The loss on the validation data after the epoch, in inference mode; null without validation data.</param>
/// <param name="Metrics">Metrics by name after the epoch, e.g. "train_accuracy", "val_accuracy".</param>
/// <param name="LearningRate">η of the epoch's last update.</param>
/// <param name="WeightChangeNorm">‖θ_end − θ_start‖ over the epoch.</param>
/// <param name="GradientNorm">‖∇J_B(θ)‖ of the epoch's last update (the exact full gradient for batch gradient descent).</param>
/// <param name="Elapsed">Wall-clock time since training started, at the end of the epoch.</param>
public sealed record EpochRecord(int Epoch, int Step, double TrainLoss, double? ValidationLoss,
    IReadOnlyDictionary<string, double> Metrics, double LearningRate, double WeightChangeNorm, double GradientNorm, TimeSpan Elapsed)
{
    /// <summary>A metric by name, or null if it was not computed this epoch.</summary>
    public double? Metric(string name) => Metrics.TryGetValue(name, out double v) ? v : null;
}
