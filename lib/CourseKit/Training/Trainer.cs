using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using CourseKit.Layers;
using CourseKit.Losses;
using CourseKit.Optimisers;
using CourseKit.Schedules;
using CourseKit.Stopping;

namespace CourseKit.Training;

/// <summary>
/// Trains a model by mini-batch gradient descent (the lecture “Gradient descent: the basics”: w(k) = w(k−1) − η_k·∇Q_i(w(k−1)) on the i-th
/// batch; the lecture “Deep networks” Algorithm 8): for every batch of an epoch, forward, loss, backward, optional gradient
/// clipping, η from the schedule, optimiser step; after every epoch, validation in inference mode, metrics,
/// the stopping criteria, and a record in the <see cref="TrainingHistory"/>.
/// </summary>
/// <remarks>
/// <para><b>Stopping.</b> <see cref="Stopping"/> is checked after every epoch with a
/// <see cref="TrainingProgress"/> whose iteration k is the number of updates so far and whose objective is the
/// epoch's training loss (the mean of its batch losses). Also filled in: the previous epoch's objective
/// (J(θ0) for the first epoch), J(θ0) = the loss on the whole training set before any update (inference
/// mode), ‖θ_end − θ_start‖ over the epoch, ‖∇‖ of the epoch's last update and of the first update (the
/// exact full gradients for batch gradient descent), the elapsed time, and the monitored metric
/// (<see cref="MonitoredMetric"/>) as <see cref="TrainingProgress.ValidationMetric"/>.</para>
/// <para><b>Early stopping.</b> If the criteria contain an <see cref="EarlyStopping"/> (directly or inside
/// <see cref="AnyOf"/>/<see cref="AllOf"/>; the first one found), the trainer copies the weights at each of its
/// new bests and, with <see cref="RestoreBestWeights"/>, puts the best weights back when training ends.</para>
/// <para><b>Modes.</b> Updates run in training mode (<see cref="Layer.Train"/>); validation, metrics and
/// J(θ0) in inference mode (<see cref="Layer.Eval"/>); the model is left in training mode.</para>
/// </remarks>
/// <example><code>
/// var trainer = new Trainer(model, new SoftmaxCrossEntropy(), new Adam(model.Parameters(), 1e-3))
/// {
///     Stopping = new EarlyStopping(patience: 5),
///     Metrics = { ["accuracy"] = Metrics.Accuracy },
/// };
/// TrainingResult result = trainer.Fit(x, y, epochs: 100, batchSize: 32, seed: 1, xValidation: xv, yValidation: yv);
/// </code></example>
public sealed class Trainer
{
    private int _stepCallbackInterval = 1;

    /// <param name="model">The network (usually a Sequential).</param>
    /// <param name="loss">The loss J(θ) averaged over a batch.</param>
    /// <param name="optimiser">The update rule, built over the model's parameters.</param>
    public Trainer(Layer model, Loss loss, Optimiser optimiser)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Loss = loss ?? throw new ArgumentNullException(nameof(loss));
        Optimiser = optimiser ?? throw new ArgumentNullException(nameof(optimiser));
    }

    /// <summary>The network being trained.</summary>
    public Layer Model { get; }
    /// <summary>The loss.</summary>
    public Loss Loss { get; }
    /// <summary>The optimiser.</summary>
    public Optimiser Optimiser { get; }

    /// <summary>Sets η of the optimiser before every update or epoch (see <see cref="ScheduleUnit"/>), and
    /// is told the monitored metric after every epoch (<see cref="LearningRateSchedule.Observe"/>). Null: η stays.</summary>
    public LearningRateSchedule? Schedule { get; set; }
    /// <summary>Whether the schedule's k counts updates (default) or epochs.</summary>
    public ScheduleUnit ScheduleUnit { get; set; } = ScheduleUnit.Step;
    /// <summary>When to stop before the epoch limit (checked after every epoch). Null: run all epochs.</summary>
    public StoppingCriterion? Stopping { get; set; }
    /// <summary>Put early stopping's best weights back at the end (default true).</summary>
    public bool RestoreBestWeights { get; set; } = true;

    /// <summary>
    /// The L2 penalty's λ: after backward, λφ is added to the gradient of every optimised parameter with
    /// <see cref="Parameter.Decay"/> (weights, not biases), i.e. the update minimises L + (λ/2)Σ‖φ‖².
    /// Applied before <see cref="ClipGradients"/>; the recorded loss and gradient norm are the data loss's. Default 0: none.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">λ is negative, infinite or NaN.</exception>
    public double L2
    {
        get => _l2;
        set => _l2 = Require.NonNegative(value, nameof(L2), "the L2 penalty's λ");
    }
    private double _l2;

    /// <summary>Called after backward and before the update with the optimiser's parameters, e.g. gradient
    /// clipping by value or by norm (the lecture “Deep networks” Algorithm 6). The recorded gradient norm is the one before it.</summary>
    public Action<IReadOnlyList<Parameter>>? ClipGradients { get; set; }
    /// <summary>Called before the forward pass of every update, after the optimiser's own
    /// <see cref="Optimiser.LookAhead"/> (which moves Nesterov's look-ahead form to θ − γv).</summary>
    public Action? BeforeStep { get; set; }

    /// <summary>Metrics computed after every epoch, by name, from (model output, targets) in inference mode:
    /// on the validation data as "val_NAME" and (with <see cref="TrainMetrics"/>) on the training data as "train_NAME".</summary>
    public Dictionary<string, Func<Tensor, Tensor, double>> Metrics { get; } = [];
    /// <summary>Whether metrics are also computed on the training data (one extra forward pass per epoch; default true).</summary>
    public bool TrainMetrics { get; set; } = true;
    /// <summary>
    /// The quantity early stopping and on-plateau schedules watch: "val_loss", "train_loss", or a metric
    /// name as recorded ("val_accuracy", …). Null (default): "val_loss" with validation data, else "train_loss".
    /// </summary>
    public string? MonitoredMetric { get; set; }

    /// <summary>What to do when the loss or the gradient becomes NaN/∞ (default: throw).</summary>
    public NonFiniteLossAction OnNonFiniteLoss { get; set; } = NonFiniteLossAction.Throw;

    /// <summary>Called after every <see cref="StepCallbackInterval"/>-th update (e.g. to take a frame of an
    /// animation with <see cref="ParameterSnapshot.Take"/>).</summary>
    public Action<StepRecord>? OnStep { get; set; }
    /// <summary>Every how many updates <see cref="OnStep"/> is called (≥ 1, default 1).</summary>
    public int StepCallbackInterval
    {
        get => _stepCallbackInterval;
        set => _stepCallbackInterval = Require.AtLeastOne(value, nameof(StepCallbackInterval), "updates between two OnStep calls");
    }
    /// <summary>Called after every epoch with its record.</summary>
    public Action<EpochRecord>? OnEpoch { get; set; }

    /// <summary>Watches the run: told after every epoch and when the run ends (e.g. a live loss chart).</summary>
    public ITrainingObserver? Observer { get; set; }

    /// <summary>Trains on (x, y) in seeded shuffled mini-batches of <paramref name="batchSize"/> for at most
    /// <paramref name="epochs"/> epochs.</summary>
    public TrainingResult Fit(Tensor x, Tensor y, int epochs, int batchSize, int seed = 0,
                              Tensor? xValidation = null, Tensor? yValidation = null) =>
        Fit(new MiniBatches(x, y, batchSize, shuffle: true, seed: seed), epochs, xValidation, yValidation);

    /// <summary>Trains on the batches of <paramref name="batches"/> for at most <paramref name="epochs"/> epochs.</summary>
    /// <remarks>The epoch loop, beside cs231n's <c>Solver.train</c>: <see cref="TrainEpoch"/> makes one update per batch
    /// (<see cref="Step"/>, the Solver's <c>_step</c>), <see cref="EvaluateEpoch"/> measures the model in inference mode
    /// (its <c>check_accuracy</c>), <see cref="CheckStopping"/> asks the stopping criteria, and early stopping's best
    /// weights are kept and put back (its <c>best_params</c>).</remarks>
    /// <exception cref="ArgumentException">Bad epochs, validation data of the wrong shape or given half, an unknown monitored metric.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN/∞ and <see cref="OnNonFiniteLoss"/> is Throw.</exception>
    public TrainingResult Fit(MiniBatches batches, int epochs, Tensor? xValidation = null, Tensor? yValidation = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (epochs < 1)
            throw new ArgumentOutOfRangeException(nameof(epochs), epochs, $"Expected at least 1 epoch, got {epochs}.");
        bool validate = CheckValidation(batches, xValidation, yValidation);
        string monitored = MonitoredMetric ?? (validate ? "val_loss" : "train_loss");
        CheckMonitored(monitored, validate);

        var run = new Run(Model.Parameters().ToArray());
        var early = FindEarlyStopping(Stopping);
        ParameterSnapshot? best = null;
        int? bestEpoch = null;
        EventHandler<TrainingProgress> keepBest = (_, _) =>
        {
            best ??= ParameterSnapshot.Take(run.Parameters);
            best.Update();
            bestEpoch = run.Epoch;
        };
        Stopping?.Reset();
        if (early is not null) early.NewBest += keepBest;
        try
        {
            run.InitialObjective = Evaluate(batches.X, batches.Y);   // J(θ0)
            run.PreviousObjective = run.InitialObjective;
            string? stopReason = null;
            bool byCriterion = false, diverged = false;

            for (run.Epoch = 1; run.Epoch <= epochs && stopReason is null; run.Epoch++)
            {
                var pass = TrainEpoch(batches, run);
                if (pass.Divergence is not null)
                {
                    stopReason = pass.Divergence;
                    diverged = true;
                    break;
                }
                var epoch = EvaluateEpoch(batches, xValidation, yValidation, run, pass.Loss, pass.GradientNorm);
                run.History.Add(epoch);
                run.Completed = run.Epoch;
                double watched = Watched(monitored, epoch);
                Schedule?.Observe(watched);
                OnEpoch?.Invoke(epoch);
                Observer?.EpochEnded(epoch);

                stopReason = CheckStopping(epoch, watched, run);
                byCriterion = stopReason is not null;
                run.PreviousObjective = epoch.TrainLoss;
            }
            stopReason ??= $"stopped: reached the limit of {epochs} epochs ({run.Step} updates)";

            bool restored = false;
            if (RestoreBestWeights && best is not null && bestEpoch != run.Completed)
            {
                best.Restore();
                restored = true;
            }
            return new TrainingResult(run.History, stopReason, byCriterion, diverged, run.Completed, run.Step, bestEpoch, restored);
        }
        finally
        {
            if (early is not null) early.NewBest -= keepBest;
            Model.Train();
            Observer?.TrainingEnded();
        }
    }

    /// <summary>The model's output for <paramref name="x"/> in inference mode (the mode is restored afterwards).</summary>
    public Tensor Predict(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        bool training = Model.Training;
        Model.Eval();
        try { return Model.Forward(x); }
        finally { Model.SetTraining(training); }
    }

    /// <summary>The loss on (x, y) in inference mode, without changing any parameter or gradient.</summary>
    public double Evaluate(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(y);
        return Loss.Forward(Predict(x), y);
    }

    /// <summary>
    /// One pass over the training data in training mode: η from an epoch schedule, then one <see cref="Step"/> per
    /// batch (η from a step schedule first). Returns the mean of the batch losses weighted by batch size and the last
    /// update's gradient norm, or the stop reason when the loss or the gradient became NaN/∞ and
    /// <see cref="OnNonFiniteLoss"/> is Stop.
    /// </summary>
    private EpochPass TrainEpoch(MiniBatches batches, Run run)
    {
        Model.Train();
        run.EpochStart.Update();
        if (Schedule is not null && ScheduleUnit == ScheduleUnit.Epoch) Optimiser.LearningRate = Schedule.Rate(run.Epoch);
        double lossSum = 0, lastGradientNorm = double.NaN;
        int examples = 0;
        foreach (var batch in batches.NextEpoch())
        {
            run.Step++;
            if (Schedule is not null && ScheduleUnit == ScheduleUnit.Step) Optimiser.LearningRate = Schedule.Rate(run.Step);
            var record = Step(batch, run.Step, run.Parameters);
            if (!double.IsFinite(record.Loss) || !double.IsFinite(record.GradientNorm))
            {
                string reason = Diverged(record, run.Epoch);
                run.History.Add(record);
                return new EpochPass(double.NaN, double.NaN, reason);
            }
            run.History.Add(record);
            run.InitialGradientNorm ??= record.GradientNorm;
            lastGradientNorm = record.GradientNorm;
            lossSum += record.Loss * batch.Size;
            examples += batch.Size;
            if (OnStep is not null && run.Step % StepCallbackInterval == 0) OnStep(record);
        }
        return new EpochPass(lossSum / examples, lastGradientNorm, null);
    }

    /// <summary>
    /// One update on one batch (cs231n's <c>Solver._step</c>): the optimiser's look-ahead, <see cref="BeforeStep"/>,
    /// zero the gradients, forward, loss, backward, then, if the loss and the gradient are finite, the L2 gradient,
    /// <see cref="ClipGradients"/> and the optimiser's step. The record holds the loss and gradient norm before the update.
    /// </summary>
    private StepRecord Step(MiniBatch batch, int step, Parameter[] parameters)
    {
        Optimiser.LookAhead();
        BeforeStep?.Invoke();
        Model.ZeroGrad();   // every gradient the backward pass adds to; the optimiser's parameters are the model's
        var output = Model.Forward(batch.X);
        double loss = Loss.Forward(output, batch.Y);
        double gradientNorm = double.NaN;
        if (double.IsFinite(loss))
        {
            Model.BackwardParameters(Loss.Backward());   // ∂L/∂x of the data is not needed
            gradientNorm = ParameterNorms.Gradient(parameters);
            if (double.IsFinite(gradientNorm))
            {
                if (L2 > 0) L2Penalty.Apply(Optimiser.Parameters, L2);
                ClipGradients?.Invoke(Optimiser.Parameters);
                Optimiser.Step();
            }
        }
        return new StepRecord(step, batch.Epoch, batch.Index, batch.Size, loss, Optimiser.LearningRate, gradientNorm);
    }

    /// <summary>
    /// The epoch's record (cs231n's <c>check_accuracy</c>), measured in inference mode: the metrics on the training data
    /// (with <see cref="TrainMetrics"/>), the loss and the metrics on the validation data (when given).
    /// </summary>
    private EpochRecord EvaluateEpoch(MiniBatches batches, Tensor? xValidation, Tensor? yValidation, Run run,
                                      double trainLoss, double gradientNorm)
    {
        var metrics = new Dictionary<string, double>();
        double? validationLoss = null;
        Model.Eval();
        if (TrainMetrics && Metrics.Count > 0) AddMetrics(metrics, "train_", batches.X, batches.Y);
        if (xValidation is not null && yValidation is not null)
        {
            var output = Model.Forward(xValidation);
            validationLoss = Loss.Forward(output, yValidation);
            foreach (var (name, metric) in Metrics) metrics["val_" + name] = metric(output, yValidation);
        }
        Model.Train();
        return new EpochRecord(run.Epoch, run.Step, trainLoss, validationLoss, metrics, Optimiser.LearningRate,
                               run.EpochStart.DistanceFromCurrent(), gradientNorm, run.Clock.Elapsed);
    }

    /// <summary>Asks <see cref="Stopping"/> about the epoch just recorded: the reason to stop, or null to go on.</summary>
    private string? CheckStopping(EpochRecord epoch, double watched, Run run)
    {
        if (Stopping is null) return null;
        var progress = new TrainingProgress(epoch.Step, epoch.TrainLoss)
        {
            Elapsed = run.Clock.Elapsed,
            PreviousObjective = run.PreviousObjective,
            InitialObjective = run.InitialObjective,
            WeightChangeNorm = epoch.WeightChangeNorm,
            GradientNorm = epoch.GradientNorm,
            InitialGradientNorm = run.InitialGradientNorm,
            ValidationMetric = watched,
        };
        var decision = Stopping.Check(progress);
        return decision.Stop ? $"{decision.Reason} (epoch {epoch.Epoch})" : null;
    }

    /// <summary>The value of the monitored quantity in an epoch's record.</summary>
    private static double Watched(string monitored, EpochRecord epoch) => monitored switch
    {
        "train_loss" => epoch.TrainLoss,
        "val_loss" => epoch.ValidationLoss!.Value,
        _ => epoch.Metrics[monitored],
    };

    /// <summary>An update whose loss or gradient norm is NaN/∞: throws (<see cref="NonFiniteLossAction.Throw"/>)
    /// or returns the reason to stop.</summary>
    private string Diverged(StepRecord record, int epoch)
    {
        bool lossFailed = !double.IsFinite(record.Loss);
        string value = NumberFormat.Significant(lossFailed ? record.Loss : record.GradientNorm, 4, infinitySymbol: true);
        string what = lossFailed ? $"the loss became {value}" : $"the gradient norm became {value}";
        string where = $"at step {record.Step} (epoch {epoch}, batch {record.Batch})";
        string rate = NumberFormat.Significant(record.LearningRate, 4);
        if (OnNonFiniteLoss == NonFiniteLossAction.Throw)
            throw new TrainingDivergedException(
                $"Training diverged: {what} {where} with learning rate η = {rate}; " +
                "try a smaller learning rate, gradient clipping, or check the data for NaN.",
                record.Step, epoch, lossFailed ? record.Loss : record.GradientNorm);
        return $"stopped: {what} {where} with η = {rate}";
    }

    private void AddMetrics(Dictionary<string, double> metrics, string prefix, Tensor x, Tensor y)
    {
        var output = Model.Forward(x);
        foreach (var (name, metric) in Metrics) metrics[prefix + name] = metric(output, y);
    }

    private static bool CheckValidation(MiniBatches batches, Tensor? xValidation, Tensor? yValidation)
    {
        if (xValidation is null && yValidation is null) return false;
        if (xValidation is null || yValidation is null)
            throw new ArgumentException("Give both validation inputs and validation targets, or neither.", xValidation is null ? nameof(xValidation) : nameof(yValidation));
        if (xValidation.Rows != yValidation.Rows)
            throw new ArgumentException($"Validation inputs {xValidation.ShapeString} and targets {yValidation.ShapeString} need the same number of rows.", nameof(yValidation));
        if (!xValidation.Shape.Skip(1).SequenceEqual(batches.X.Shape.Skip(1)) || !yValidation.Shape.Skip(1).SequenceEqual(batches.Y.Shape.Skip(1)))
            throw new ArgumentException(
                $"Validation data must have the training data's row shape: training X {batches.X.ShapeString}, Y {batches.Y.ShapeString}; " +
                $"validation X {xValidation.ShapeString}, Y {yValidation.ShapeString}.", nameof(xValidation));
        return true;
    }

    [SuppressMessage("Usage", "CA2208:Instantiate argument exceptions correctly",
        Justification = "The wrong value is the MonitoredMetric property, an input of Fit: the exception names it so the caller knows what to fix.")]
    private void CheckMonitored(string monitored, bool validate)
    {
        var known = new List<string> { "train_loss" };
        if (validate) known.Add("val_loss");
        if (validate) known.AddRange(Metrics.Keys.Select(k => "val_" + k));
        if (TrainMetrics) known.AddRange(Metrics.Keys.Select(k => "train_" + k));
        if (!known.Contains(monitored))
            throw new ArgumentException(
                $"The monitored metric '{monitored}' is not computed; expected one of: {string.Join(", ", known)}.", nameof(MonitoredMetric));
    }

    private static EarlyStopping? FindEarlyStopping(StoppingCriterion? criterion) => criterion switch
    {
        EarlyStopping e => e,
        AnyOf any => any.Criteria.Select(FindEarlyStopping).FirstOrDefault(e => e is not null),
        AllOf all => all.Criteria.Select(FindEarlyStopping).FirstOrDefault(e => e is not null),
        _ => null,
    };

    /// <summary>What one <see cref="Fit(MiniBatches, int, Tensor?, Tensor?)"/> call carries from epoch to epoch.</summary>
    private sealed class Run(Parameter[] parameters)
    {
        public Parameter[] Parameters { get; } = parameters;
        public TrainingHistory History { get; } = new();
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        /// <summary>θ at the start of the current epoch, for ‖θ_end − θ_start‖.</summary>
        public ParameterSnapshot EpochStart { get; } = ParameterSnapshot.Take(parameters);
        public int Epoch { get; set; }
        /// <summary>k, the number of updates so far.</summary>
        public int Step { get; set; }
        /// <summary>The last epoch that ran to its end and was recorded.</summary>
        public int Completed { get; set; }
        /// <summary>J(θ0), the loss on the whole training set before any update.</summary>
        public double InitialObjective { get; set; }
        public double? PreviousObjective { get; set; }
        /// <summary>‖∇‖ of the first update.</summary>
        public double? InitialGradientNorm { get; set; }
    }

    /// <summary>One epoch's pass over the training data: its mean loss and last gradient norm, or why it stopped.</summary>
    private readonly record struct EpochPass(double Loss, double GradientNorm, string? Divergence);
}
