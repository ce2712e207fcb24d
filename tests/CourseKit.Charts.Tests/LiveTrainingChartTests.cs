using CourseKit.Activations;
using CourseKit.Layers;
using CourseKit.Losses;
using CourseKit.Optimisers;
using CourseKit.Training;
using Plotly.NET;

namespace CourseKit.Charts.Tests;

public class LiveTrainingChartTests
{
    /// <summary>What a notebook's display function does, recorded: the first call shows, the handle's Update redraws.</summary>
    private sealed class FakeDisplay
    {
        public List<(string Kind, GenericChart Chart)> Calls { get; } = [];

        public Handle Display(object? value, string[] mimeTypes)
        {
            Calls.Add(("display", (GenericChart)value!));
            return new Handle(this);
        }

        public sealed class Handle(FakeDisplay owner)
        {
            public void Update(object? value) => owner.Calls.Add(("update", (GenericChart)value!));
        }
    }

    private static EpochRecord Epoch(int n, double train, double? validation = null) =>
        new(n, n * 10, train, validation, new Dictionary<string, double>(), 0.1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Shown_after_the_first_epoch_then_redrawn_in_place_each_epoch_when_the_interval_is_zero()
    {
        var display = new FakeDisplay();
        var live = new LiveTrainingChart(display.Display, interval: TimeSpan.Zero);
        Assert.Empty(display.Calls);
        live.EpochEnded(Epoch(1, 2.0, 2.5));
        live.EpochEnded(Epoch(2, 1.0, 1.8));
        live.EpochEnded(Epoch(3, 0.5, 1.6));
        live.TrainingEnded();
        Assert.Equal(["display", "update", "update"], display.Calls.Select(c => c.Kind));
        var last = Figure.Of(display.Calls[^1].Chart);
        Assert.Equal(["training loss", "validation loss"], last.Names);
        Assert.Equal([2.0, 1.0, 0.5], last.Trace("training loss").GetProperty("y").Doubles());
        Assert.Equal([2.5, 1.8, 1.6], last.Trace("validation loss").GetProperty("y").Doubles());
    }

    [Fact]
    public void A_fast_loop_is_rate_limited_and_the_end_of_the_run_is_always_drawn()
    {
        var display = new FakeDisplay();
        var live = new LiveTrainingChart(display.Display, interval: TimeSpan.FromHours(1));
        for (int e = 1; e <= 100; e++) live.EpochEnded(Epoch(e, 1.0 / e));
        Assert.Single(display.Calls); // the first epoch only: the rest came within the interval
        live.TrainingEnded();
        Assert.Equal(["display", "update"], display.Calls.Select(c => c.Kind));
        Assert.Equal(100, Figure.Of(display.Calls[^1].Chart).Trace("training loss").GetProperty("y").Doubles().Length);
        Assert.Equal(2, live.Draws);
    }

    [Fact]
    public void A_trainer_draws_every_epoch_and_ends_with_the_whole_run()
    {
        var display = new FakeDisplay();
        var x = Tensor.FromArray([0, 0, 0, 1, 1, 0, 1, 1], 4, 2);
        var y = Tensor.FromArray([0, 1, 1, 0], 4, 1);
        var net = new Sequential(new Dense(2, 4, seed: 1), new Tanh(), new Dense(4, 1, seed: 2));
        var trainer = new Trainer(net, new BinaryCrossEntropyWithLogits(), new GradientDescent(net.Parameters(), 0.5))
        {
            Observer = new LiveTrainingChart(display.Display, "XOR", interval: TimeSpan.Zero),
        };
        var result = trainer.Fit(x, y, epochs: 6, batchSize: 4);
        Assert.Equal(6, display.Calls.Count);
        Assert.Equal(result.History.Epochs.Select(e => e.TrainLoss), Figure.Of(display.Calls[^1].Chart).Trace("training loss").GetProperty("y").Doubles());
    }

    [Fact]
    public void A_display_without_Update_is_a_clear_error()
    {
        var live = new LiveTrainingChart((_, _) => "not a handle", interval: TimeSpan.Zero);
        live.EpochEnded(Epoch(1, 1));
        var e = Assert.Throws<InvalidOperationException>(() => live.EpochEnded(Epoch(2, 0.5)));
        Assert.Contains("returned a String, which has no Update(object) method", e.Message);
    }
}
