using CourseKit.Training;

namespace CourseKit.DataFrames.Tests;

public class TrainingHistoryFramesTests
{
    [Fact]
    public void Data_frames_have_one_row_per_epoch_and_per_step()
    {
        var h = new TrainingHistory();
        h.Add(new StepRecord(1, 1, 0, 4, 2.0, 0.1, 3.0));
        h.Add(new StepRecord(2, 1, 1, 2, 1.0, 0.1, 2.0));
        h.Add(new EpochRecord(1, 2, 5.0 / 3, 1.5, new Dictionary<string, double> { ["val_accuracy"] = 0.5 }, 0.1, 0.2, 2.0, TimeSpan.FromSeconds(1)));
        h.Add(new StepRecord(3, 2, 0, 4, 0.5, 0.05, 1.0));
        h.Add(new EpochRecord(2, 3, 0.5, null, new Dictionary<string, double>(), 0.05, 0.1, 1.0, TimeSpan.FromSeconds(2)));

        var epochs = h.ToDataFrame();
        Assert.Equal(2, epochs.Rows.Count);
        Assert.Equal(["epoch", "step", "train_loss", "val_loss", "learning_rate", "weight_change", "gradient_norm", "elapsed_s", "val_accuracy"],
                     epochs.Columns.Select(c => c.Name));
        Assert.Equal(0.5, (double)epochs["train_loss"][1]!);
        Assert.True(double.IsNaN((double)epochs["val_loss"][1]!));
        var steps = h.StepsToDataFrame();
        Assert.Equal(3, steps.Rows.Count);
        Assert.Equal(0.05, (double)steps["learning_rate"][2]!);
        Assert.Equal(2, (int)steps["epoch"][2]!);
    }
}
