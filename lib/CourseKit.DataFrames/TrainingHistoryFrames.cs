using CourseKit.Training;
using Microsoft.Data.Analysis;

namespace CourseKit.DataFrames;

/// <summary>A <see cref="TrainingHistory"/> as data frames: one row per epoch, or one per update.</summary>
public static class TrainingHistoryFrames
{
    /// <summary>One row per epoch: epoch, step, train_loss, val_loss, learning_rate, weight_change, gradient_norm,
    /// elapsed_s, then one column per metric.</summary>
    public static DataFrame ToDataFrame(this TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var columns = new List<DataFrameColumn>
        {
            new Int32DataFrameColumn("epoch", history.EpochNumbers),
            new Int32DataFrameColumn("step", history.Epochs.Select(e => e.Step)),
            new DoubleDataFrameColumn("train_loss", history.TrainLosses),
            new DoubleDataFrameColumn("val_loss", history.ValidationLosses),
            new DoubleDataFrameColumn("learning_rate", history.EpochLearningRates),
            new DoubleDataFrameColumn("weight_change", history.Epochs.Select(e => e.WeightChangeNorm)),
            new DoubleDataFrameColumn("gradient_norm", history.Epochs.Select(e => e.GradientNorm)),
            new DoubleDataFrameColumn("elapsed_s", history.ElapsedSeconds),
        };
        foreach (string name in history.MetricNames) columns.Add(new DoubleDataFrameColumn(name, history.Metric(name)));
        return new DataFrame(columns);
    }

    /// <summary>One row per update: step, epoch, batch, batch_size, loss, learning_rate, gradient_norm.</summary>
    public static DataFrame StepsToDataFrame(this TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new(
            new Int32DataFrameColumn("step", history.StepNumbers),
            new Int32DataFrameColumn("epoch", history.Steps.Select(s => s.Epoch)),
            new Int32DataFrameColumn("batch", history.Steps.Select(s => s.Batch)),
            new Int32DataFrameColumn("batch_size", history.Steps.Select(s => s.BatchSize)),
            new DoubleDataFrameColumn("loss", history.StepLosses),
            new DoubleDataFrameColumn("learning_rate", history.StepLearningRates),
            new DoubleDataFrameColumn("gradient_norm", history.StepGradientNorms));
    }
}
