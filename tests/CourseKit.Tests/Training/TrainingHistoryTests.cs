using CourseKit.Training;

namespace CourseKit.Tests.Training;

public class TrainingHistoryTests
{
    private static TrainingHistory Sample()
    {
        var h = new TrainingHistory();
        h.Add(new StepRecord(1, 1, 0, 4, 2.0, 0.1, 3.0));
        h.Add(new StepRecord(2, 1, 1, 2, 1.0, 0.1, 2.0));
        h.Add(new EpochRecord(1, 2, 5.0 / 3, 1.5, new Dictionary<string, double> { ["val_accuracy"] = 0.5 }, 0.1, 0.2, 2.0, TimeSpan.FromSeconds(1)));
        h.Add(new StepRecord(3, 2, 0, 4, 0.5, 0.05, 1.0));
        h.Add(new EpochRecord(2, 3, 0.5, null, new Dictionary<string, double>(), 0.05, 0.1, 1.0, TimeSpan.FromSeconds(2)));
        return h;
    }

    [Fact]
    public void Series_are_arrays_with_nan_gaps()
    {
        var h = Sample();
        Assert.Equal([1, 2, 3], h.StepNumbers);
        Assert.Equal([2.0, 1.0, 0.5], h.StepLosses);
        Assert.Equal([0.1, 0.1, 0.05], h.StepLearningRates);
        Assert.Equal([3.0, 2.0, 1.0], h.StepGradientNorms);
        Assert.Equal([1, 2], h.EpochNumbers);
        Assert.Equal([5.0 / 3, 0.5], h.TrainLosses);
        Assert.Equal(1.5, h.ValidationLosses[0]);
        Assert.True(double.IsNaN(h.ValidationLosses[1]));
        Assert.Equal(["val_accuracy"], h.MetricNames);
        Assert.Equal(0.5, h.Metric("val_accuracy")[0]);
        Assert.True(double.IsNaN(h.Metric("val_accuracy")[1]));
        Assert.Equal([1.0, 2.0], h.ElapsedSeconds);
        Assert.Contains("No metric named 'f1' was recorded; the history has: val_accuracy",
            Assert.Throws<ArgumentException>(() => h.Metric("f1")).Message);
    }

    [Fact]
    public void To_string_is_a_table_of_epochs()
    {
        var lines = Sample().ToString().Split('\n');
        Assert.Equal("TrainingHistory: 2 epochs, 3 steps", lines[0]);
        Assert.Matches(@"^epoch\s+step\s+train_loss\s+val_loss\s+lr\s+val_accuracy\s+time_s$", lines[1]);
        Assert.Matches(@"^\s+1\s+2\s+1\.6667\s+1\.5\s+0\.1\s+0\.5\s+1\.00$", lines[2]);
        Assert.Matches(@"^\s+2\s+3\s+0\.5\s+-\s+0\.05\s+-\s+2\.00$", lines[3]);
    }

    [Fact]
    public void A_long_history_shows_its_ends()
    {
        var h = new TrainingHistory();
        for (int e = 1; e <= 30; e++) h.Add(new EpochRecord(e, e, 1.0 / e, null, new Dictionary<string, double>(), 0.1, 0, 0, TimeSpan.Zero));
        var lines = h.ToString().Split('\n');
        Assert.Equal(2 + 10 + 1 + 10, lines.Length);
        Assert.Contains("...", lines[12]);
        Assert.Matches(@"^\s+30\s", lines[^1]);
    }
}
