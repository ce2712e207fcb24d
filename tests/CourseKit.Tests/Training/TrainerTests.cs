using CourseKit.Data;
using CourseKit.Schedules;
using CourseKit.Stopping;
using CourseKit.Training;

namespace CourseKit.Tests.Training;

public class TrainerTests
{
    private static (Tensor X, Tensor Y) Line(int n, double noise, int seed)
    {
        var data = Synthetic.NoisyLine(n, noise, seed, w0: 1.0, w1: 2.0);
        return (data.ToTensor(), data.TargetsTensor());
    }

    /// <summary>Least squares for y = w0 + w1·x by the normal equations, written out here.</summary>
    private static (double W0, double W1) LeastSquares(Tensor x, Tensor y)
    {
        int n = x.Rows;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) { sx += x[i, 0]; sy += y[i, 0]; sxx += x[i, 0] * x[i, 0]; sxy += x[i, 0] * y[i, 0]; }
        double w1 = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return ((sy - w1 * sx) / n, w1);
    }

    [Fact]
    public void Mini_batch_SGD_on_a_noisy_line_converges_to_the_least_squares_line()
    {
        var (x, y) = Line(200, 0.1, seed: 11);
        var model = new TestLinear(1, 1);
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.05));
        var result = trainer.Fit(x, y, epochs: 300, batchSize: 16, seed: 1);

        var (w0, w1) = LeastSquares(x, y);
        // SGD with a constant η does not settle exactly: it hovers around the least-squares minimiser in a ball
        // whose size grows with η·σ²/b (here a few thousandths).
        Assert.InRange(model.B!.Value[0] - w0, -0.02, 0.02);
        Assert.InRange(model.W.Value[0, 0] - w1, -0.02, 0.02);
        // and the generating line y = 1 + 2x, up to the noise (σ = 0.1, n = 200: standard errors ≈ 0.01).
        Assert.InRange(model.B.Value[0], 0.95, 1.05);
        Assert.InRange(model.W.Value[0, 0], 1.95, 2.05);
        Assert.Equal(300, result.Epochs);
        Assert.Equal(300 * 13, result.Steps);  // ⌈200/16⌉ = 13 updates per epoch
        Assert.Equal("stopped: reached the limit of 300 epochs (3900 updates)", result.StopReason);
        Assert.False(result.StoppedByCriterion);
        Assert.True(result.History.TrainLosses[^1] < 0.02);  // ≈ σ² = 0.01
    }

    [Fact]
    public void Batch_gradient_descent_converges_to_the_least_squares_line_exactly()
    {
        var (x, y) = Line(50, 0.3, seed: 12);
        var model = new TestLinear(1, 1);
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.3))
        {
            Stopping = new WeightChange(1e-13),
        };
        var result = trainer.Fit(MiniBatches.FullBatch(x, y), epochs: 5000);
        var (w0, w1) = LeastSquares(x, y);
        Close.Equal(w0, model.B!.Value[0], 1e-10, "w0");
        Close.Equal(w1, model.W.Value[0, 0], 1e-10, "w1");
        Assert.True(result.StoppedByCriterion, result.StopReason);
        Assert.Contains("‖w(k) − w(k−1)‖", result.StopReason);
    }

    [Fact]
    public void Batch_gradient_descent_makes_exactly_the_hand_computed_first_update()
    {
        // X = [1, 2, 3]ᵀ, y = [2, 4, 6]ᵀ, w = 0, no bias. L = (1/3)Σ(w xᵢ − yᵢ)², ∂L/∂w = (2/3)Σ(w xᵢ − yᵢ)xᵢ
        // = (2/3)(−2 − 8 − 18) = −56/3; w ← 0 − 0.01·(−56/3) = 0.18666…; L(0) = (4 + 16 + 36)/3 = 56/3.
        var x = Tensor.FromArray([1, 2, 3], 3, 1);
        var y = Tensor.FromArray([2, 4, 6], 3, 1);
        var model = new TestLinear(1, 1, bias: false);
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.01));
        var result = trainer.Fit(MiniBatches.FullBatch(x, y), epochs: 1);

        Close.Equal(0.56 / 3, model.W.Value[0, 0], 1e-12);
        var step = Assert.Single(result.History.Steps);
        Close.Equal(56.0 / 3, step.Loss, 1e-12);
        Close.Equal(56.0 / 3, step.GradientNorm, 1e-12);
        Assert.Equal(0.01, step.LearningRate);
        var epoch = Assert.Single(result.History.Epochs);
        Close.Equal(56.0 / 3, epoch.TrainLoss, 1e-12);
        Close.Equal(0.56 / 3, epoch.WeightChangeNorm, 1e-12);
    }

    [Fact]
    public void Early_stopping_restores_the_weights_of_the_best_validation_epoch()
    {
        // Train towards y = 2x while validating on y = 0.5x: from w = 0 the validation loss falls until
        // w passes 0.5, then rises. Full batch, so the run is deterministic.
        var x = Tensor.FromArray([-1, -0.5, 0.5, 1], 4, 1);
        var model = new TestLinear(1, 1, bias: false);
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.05))
        {
            Stopping = new EarlyStopping(patience: 3),
        };
        var weights = new List<double>();
        trainer.OnEpoch = _ => weights.Add(model.W.Value[0, 0]);
        var result = trainer.Fit(MiniBatches.FullBatch(x, x * 2.0), epochs: 200, xValidation: x, yValidation: x * 0.5);

        var validation = result.History.ValidationLosses;
        int best = Array.IndexOf(validation, validation.Min()) + 1;
        Assert.Equal(best, result.BestEpoch);
        Assert.True(result.StoppedByCriterion);
        Assert.True(result.RestoredBestWeights);
        Assert.Equal(best + 3, result.Epochs);          // patience 3
        Assert.StartsWith("stopped: validation metric", result.StopReason);
        Assert.Contains($"(epoch {best + 3})", result.StopReason);
        // The restored weight is the one of the best epoch, the epoch whose w is closest to 0.5.
        Assert.Equal(weights[best - 1], model.W.Value[0, 0]);
        Assert.Equal(weights.MinBy(w => Math.Abs(w - 0.5)), model.W.Value[0, 0]);
        Assert.NotEqual(weights[^1], model.W.Value[0, 0]);
    }

    [Fact]
    public void Step_schedule_sets_eta_before_every_update()
    {
        var (x, y) = Line(40, 0.1, seed: 2);
        var model = new TestLinear(1, 1);
        var schedule = new ExponentialSchedule(0.1, s: 5);
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 1.0)) { Schedule = schedule };
        var result = trainer.Fit(x, y, epochs: 3, batchSize: 10, seed: 1);
        var rates = result.History.StepLearningRates;
        Assert.Equal(12, rates.Length);
        Assert.Equal(schedule.Rates(12), rates);
        Assert.NotEqual(rates[0], rates[^1]);
    }

    [Fact]
    public void Epoch_schedule_keeps_eta_constant_within_an_epoch()
    {
        var (x, y) = Line(40, 0.1, seed: 2);
        var model = new TestLinear(1, 1);
        var schedule = new PiecewiseConstantSchedule([2], [0.1, 0.01]);
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 1.0))
        {
            Schedule = schedule,
            ScheduleUnit = ScheduleUnit.Epoch,
        };
        var result = trainer.Fit(x, y, epochs: 3, batchSize: 10, seed: 1);
        foreach (var step in result.History.Steps) Assert.Equal(schedule.Rate(step.Epoch), step.LearningRate);
        Assert.Equal([schedule.Rate(1), schedule.Rate(2), schedule.Rate(3)], result.History.EpochLearningRates);
    }

    [Fact]
    public void A_stopping_criterion_ends_training_and_its_reason_is_reported()
    {
        var (x, y) = Line(30, 0.1, seed: 3);
        var model = new TestLinear(1, 1);
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.1))
        {
            Stopping = new MaxIterations(25),  // counts updates: 3 per epoch
        };
        var result = trainer.Fit(x, y, epochs: 100, batchSize: 10, seed: 1);
        Assert.True(result.StoppedByCriterion);
        Assert.Equal(9, result.Epochs);          // first epoch end with k ≥ 25 is epoch 9 (k = 27)
        Assert.Equal(27, result.Steps);
        Assert.StartsWith("stopped:", result.StopReason);
        Assert.EndsWith("(epoch 9)", result.StopReason);
        Assert.Null(result.BestEpoch);
    }

    [Fact]
    public void Progress_given_to_criteria_holds_initial_previous_and_weight_change()
    {
        var (x, y) = Line(20, 0.1, seed: 4);
        var model = new TestLinear(1, 1);
        var spy = new SpyCriterion();
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.1)) { Stopping = spy };
        var result = trainer.Fit(MiniBatches.FullBatch(x, y), epochs: 3);

        Assert.Equal(3, spy.Seen.Count);
        var epochs = result.History.Epochs;
        // J(θ0) with w = b = 0 is mean(y²), computed here independently.
        double j0 = y.Square().Mean();
        for (int e = 0; e < 3; e++)
        {
            var p = spy.Seen[e];
            Assert.Equal(e + 1, p.Iteration);                 // one update per epoch
            Assert.Equal(epochs[e].TrainLoss, p.Objective);
            Assert.Equal(e == 0 ? j0 : epochs[e - 1].TrainLoss, p.PreviousObjective!.Value, 12);
            Assert.Equal(j0, p.InitialObjective!.Value, 12);
            Assert.Equal(epochs[e].WeightChangeNorm, p.WeightChangeNorm);
            Assert.Equal(result.History.Steps[0].GradientNorm, p.InitialGradientNorm);
            Assert.Equal(epochs[e].TrainLoss, p.ValidationMetric);  // no validation data: monitors train_loss
        }
        // Batch GD: the epoch's loss is the loss before its single update, i.e. J(θ0) for epoch 1.
        Close.Equal(j0, epochs[0].TrainLoss, 1e-12);
    }

    private sealed class SpyCriterion : StoppingCriterion
    {
        public List<TrainingProgress> Seen { get; } = [];
        protected override StopDecision Evaluate(TrainingProgress progress)
        {
            Seen.Add(progress);
            return StopDecision.Continue("spying");
        }
    }

    [Fact]
    public void Nan_loss_throws_naming_step_and_epoch()
    {
        var (x, y) = Line(20, 0.1, seed: 5);
        var model = new TestLinear(1, 1);
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 1e3));
        var e = Assert.Throws<TrainingDivergedException>(() => trainer.Fit(x, y, epochs: 50, batchSize: 5, seed: 1));
        Assert.Matches(@"^Training diverged: the (loss|gradient norm) became (NaN|∞|-∞) at step \d+ \(epoch \d+, batch \d\) with learning rate η = 1000;", e.Message);
        Assert.Equal((e.Step - 1) / 4 + 1, e.Epoch);     // 4 batches per epoch
        Assert.False(double.IsFinite(e.Value));
    }

    [Fact]
    public void Nan_loss_can_be_reported_instead()
    {
        var (x, y) = Line(20, 0.1, seed: 5);
        var model = new TestLinear(1, 1);
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 1e3)) { OnNonFiniteLoss = NonFiniteLossAction.Stop };
        var result = trainer.Fit(x, y, epochs: 50, batchSize: 5, seed: 1);
        Assert.True(result.Diverged);
        Assert.Matches(@"^stopped: the (loss|gradient norm) became", result.StopReason);
        Assert.False(double.IsFinite(result.History.Steps[^1].Loss) && double.IsFinite(result.History.Steps[^1].GradientNorm));
        Assert.Equal(result.History.Epochs.Count, result.Epochs);
        Assert.True(result.Epochs < 50);
    }

    [Fact]
    public void L2_shrinks_the_weights_by_one_minus_eta_lambda_and_leaves_the_bias()
    {
        // y = 2x + 0.5 exactly, and the model starts there: the data gradient is 0, so one step is the penalty's alone.
        var x = Tensor.FromArray([-1.0, 0.0, 1.0, 2.0], 4, 1);
        var y = Tensor.FromArray([-1.5, 0.5, 2.5, 4.5], 4, 1);
        var model = new TestLinear(1, 1);
        model.W.Value[0, 0] = 2;
        model.B!.Value[0] = 0.5;
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.1)) { L2 = 0.3 };
        trainer.Fit(x, y, epochs: 1, batchSize: 4, seed: 1);
        Assert.Equal(2 * (1 - 0.1 * 0.3), model.W.Value[0, 0], 1e-12);
        Assert.Equal(0.5, model.B.Value[0], 1e-12);
    }

    [Fact]
    public void L2_is_applied_before_the_clipping_hook_and_rejects_a_negative_lambda()
    {
        var x = Tensor.FromArray([1.0], 1, 1);
        var model = new TestLinear(1, 1);
        model.W.Value[0, 0] = 3;
        double seen = double.NaN;
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.1))
        {
            L2 = 0.5,
            ClipGradients = ps => seen = ps[0].Grad[0, 0],
        };
        trainer.Fit(x, Tensor.FromArray([3.0], 1, 1), epochs: 1, batchSize: 1, seed: 1);   // data gradient 0 at W = 3
        Assert.Equal(0.5 * 3, seen, 1e-12);
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.L2 = -0.1);
    }

    [Fact]
    public void Clipping_hook_runs_before_each_update()
    {
        var (x, y) = Line(20, 0.1, seed: 6);
        var model = new TestLinear(1, 1);
        int calls = 0;
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.1))
        {
            ClipGradients = ps => { calls++; foreach (var p in ps) p.Grad.Clear(); },   // clip everything to 0
        };
        var result = trainer.Fit(x, y, epochs: 2, batchSize: 5, seed: 1);
        Assert.Equal(8, calls);
        Assert.Equal(0, model.W.Value[0, 0]);   // nothing moved
        Assert.All(result.History.StepGradientNorms, g => Assert.True(g > 0)); // recorded before clipping
    }

    [Fact]
    public void Validation_and_metrics_run_in_inference_mode_and_updates_in_training_mode()
    {
        var (x, y) = Line(20, 0.1, seed: 7);
        var model = new TestLinear(1, 1);
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.1));
        trainer.Metrics["mse"] = Metrics.MeanSquaredError;
        trainer.Fit(x, y, epochs: 2, batchSize: 10, seed: 1, xValidation: x, yValidation: y);
        // J(θ0) (eval) | epoch 1: 2 updates (train), train metrics (eval), validation (eval) | epoch 2: same.
        Assert.Equal([false, true, true, false, false, true, true, false, false], model.ForwardModes);
        Assert.True(model.Training);
    }

    [Fact]
    public void Metrics_and_validation_loss_are_recorded_per_epoch()
    {
        var (x, y) = Line(30, 0.1, seed: 8);
        var (xv, yv) = Line(10, 0.1, seed: 9);
        var model = new TestLinear(1, 1);
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.1));
        trainer.Metrics["r2"] = Metrics.RSquared;
        var result = trainer.Fit(x, y, epochs: 4, batchSize: 10, seed: 1, xValidation: xv, yValidation: yv);
        var h = result.History;
        Assert.Equal(["train_r2", "val_r2"], h.MetricNames);
        // The trainer's validation loss is the test MSE of the weights at the end of the epoch: check the last one.
        Close.Equal(Metrics.MeanSquaredError(trainer.Predict(xv), yv), h.ValidationLosses[^1], 1e-12);
        Close.Equal(Metrics.RSquared(trainer.Predict(xv), yv), h.Metric("val_r2")[^1], 1e-12);
        Assert.True(h.Metric("val_r2")[^1] > h.Metric("val_r2")[0]);
    }

    [Fact]
    public void Step_callback_fires_every_n_updates()
    {
        var (x, y) = Line(20, 0.1, seed: 10);
        var model = new TestLinear(1, 1);
        var frames = new List<(int Step, double W)>();
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.1))
        {
            StepCallbackInterval = 3,
            OnStep = s => frames.Add((s.Step, ParameterSnapshot.Take(model.Parameters())[0][0, 0])),
        };
        trainer.Fit(x, y, epochs: 2, batchSize: 4, seed: 1);   // 10 updates
        Assert.Equal([3, 6, 9], frames.Select(f => f.Step));
        Assert.Equal(3, frames.Select(f => f.W).Distinct().Count());
    }

    [Fact]
    public void Bad_arguments_are_explained()
    {
        var (x, y) = Line(20, 0.1, seed: 1);
        var model = new TestLinear(1, 1);
        var trainer = new Trainer(model, new TestMse(), new TestSgd(model.Parameters(), 0.1));
        Assert.Contains("Expected at least 1 epoch, got 0", Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(x, y, 0, 5)).Message);
        Assert.Contains("Give both validation inputs and validation targets",
            Assert.Throws<ArgumentException>(() => trainer.Fit(x, y, 1, 5, xValidation: x)).Message);
        Assert.Contains("training X [20, 1], Y [20, 1]; validation X [20, 2]",
            Assert.Throws<ArgumentException>(() => trainer.Fit(x, y, 1, 5, xValidation: Tensor.Zeros(20, 2), yValidation: y)).Message);
        trainer.MonitoredMetric = "val_accuracy";
        Assert.Contains("The monitored metric 'val_accuracy' is not computed; expected one of: train_loss",
            Assert.Throws<ArgumentException>(() => trainer.Fit(x, y, 1, 5)).Message);
    }
}
