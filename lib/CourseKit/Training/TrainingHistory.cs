using System.Globalization;
using System.Text;

namespace CourseKit.Training;

/// <summary>
/// What happened during training, per update (loss, learning rate, gradient norm) and per epoch (training
/// and validation loss, metrics, elapsed time), as arrays ready for a chart's x and y
/// (<see cref="StepNumbers"/> against <see cref="StepLosses"/>, <see cref="EpochNumbers"/> against
/// <see cref="TrainLosses"/> and <see cref="ValidationLosses"/>, …); CourseKit.DataFrames turns it into data frames.
/// </summary>
/// <remarks>A series with a missing value (no validation data, a metric not computed that epoch) has
/// <see cref="double.NaN"/> there, which charts leave as a gap.</remarks>
public sealed class TrainingHistory
{
    private readonly List<StepRecord> _steps = [];
    private readonly List<EpochRecord> _epochs = [];

    /// <summary>Every update, in order.</summary>
    public IReadOnlyList<StepRecord> Steps => _steps;
    /// <summary>Every epoch, in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    /// <summary>Records an update.</summary>
    public void Add(StepRecord step) => _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));

    /// <summary>Records an epoch.</summary>
    public void Add(EpochRecord epoch) => _epochs.Add(epoch ?? throw new ArgumentNullException(nameof(epoch)));

    /// <summary>k = 1, 2, … of every update.</summary>
    public int[] StepNumbers => [.. _steps.Select(s => s.Step)];
    /// <summary>The batch loss of every update.</summary>
    public double[] StepLosses => [.. _steps.Select(s => s.Loss)];
    /// <summary>η of every update.</summary>
    public double[] StepLearningRates => [.. _steps.Select(s => s.LearningRate)];
    /// <summary>‖∇J_B(θ)‖ of every update.</summary>
    public double[] StepGradientNorms => [.. _steps.Select(s => s.GradientNorm)];

    /// <summary>1, 2, … for every epoch.</summary>
    public int[] EpochNumbers => [.. _epochs.Select(e => e.Epoch)];
    /// <summary>The training loss of every epoch.</summary>
    public double[] TrainLosses => [.. _epochs.Select(e => e.TrainLoss)];
    /// <summary>The validation loss of every epoch (NaN without validation data).</summary>
    public double[] ValidationLosses => [.. _epochs.Select(e => e.ValidationLoss ?? double.NaN)];
    /// <summary>η at the end of every epoch.</summary>
    public double[] EpochLearningRates => [.. _epochs.Select(e => e.LearningRate)];
    /// <summary>Seconds since the start at the end of every epoch.</summary>
    public double[] ElapsedSeconds => [.. _epochs.Select(e => e.Elapsed.TotalSeconds)];

    /// <summary>The names of the metrics recorded in any epoch, in first-seen order.</summary>
    public IReadOnlyList<string> MetricNames => [.. _epochs.SelectMany(e => e.Metrics.Keys).Distinct()];

    /// <summary>One metric per epoch (NaN where it was not computed).</summary>
    /// <exception cref="ArgumentException">No epoch has a metric of that name.</exception>
    public double[] Metric(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!MetricNames.Contains(name))
            throw new ArgumentException(
                $"No metric named '{name}' was recorded; the history has: {(MetricNames.Count == 0 ? "none" : string.Join(", ", MetricNames))}.", nameof(name));
        return [.. _epochs.Select(e => e.Metric(name) ?? double.NaN)];
    }

    /// <summary>A text table of the epochs (at most the first and last 10 when there are more than 20).</summary>
    public override string ToString()
    {
        if (_epochs.Count == 0) return $"TrainingHistory: {_steps.Count} steps, no completed epoch";
        var metrics = MetricNames;
        var header = new List<string> { "epoch", "step", "train_loss", "val_loss", "lr" };
        header.AddRange(metrics);
        header.Add("time_s");
        var rows = new List<string[]>();
        for (int i = 0; i < _epochs.Count; i++)
        {
            if (_epochs.Count > 20 && i == 10)
            {
                rows.Add([.. header.Select(_ => "...")]);
                i = _epochs.Count - 10;
            }
            var e = _epochs[i];
            var row = new List<string> { Show(e.Epoch), Show(e.Step), Show(e.TrainLoss), Show(e.ValidationLoss), Show(e.LearningRate) };
            row.AddRange(metrics.Select(m => Show(e.Metric(m))));
            row.Add(NumberFormat.Format(e.Elapsed.TotalSeconds, "F2"));
            rows.Add([.. row]);
        }
        var widths = header.Select((h, j) => Math.Max(h.Length, rows.Max(r => r[j].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"TrainingHistory: {_epochs.Count} epochs, {_steps.Count} steps");
        text.AppendLine(string.Join("  ", header.Select((h, j) => h.PadLeft(widths[j]))));
        foreach (var r in rows) text.AppendLine(string.Join("  ", r.Select((c, j) => c.PadLeft(widths[j]))));
        return text.ToString().TrimEnd();
    }

    private static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(double? value) => value is { } v ? NumberFormat.Significant(v, 5) : "-";
}
