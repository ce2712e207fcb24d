using System.Globalization;
using CourseKit.Layers;
using CourseKit.Losses;
using CourseKit.Optimisers;

namespace CourseKit.Training;

/// <summary>
/// The learning-rate range test of the lecture “Deep networks”, §4 (how to pick the constant α): "start with a very small α
/// and increase it step by step by a fixed multiplicative constant. The loss decreases as α grows, until it
/// starts to rise. Choose α ten times smaller than the value where the loss starts to rise."
/// </summary>
/// <remarks>
/// <para>The sweep makes <see cref="Steps"/> updates on consecutive mini-batches (wrapping over epochs) with
/// η_i = η_min·q^i, q = (η_max/η_min)^(1/(Steps−1)), recording (η_i, loss_i) where loss_i is the batch loss
/// just before the update with η_i. The losses are smoothed by an exponential moving average with bias
/// correction, s_i = m_i/(1 − β^(i+1)), m_i = β·m_{i−1} + (1 − β)·loss_i (β = <see cref="Smoothing"/>; 0 = raw).</para>
/// <para>"Where the loss starts to rise" is read as the minimum of the smoothed loss; the suggestion is
/// η* = η_argmin / 10. The sweep stops early when the smoothed loss exceeds <see cref="DivergenceFactor"/>
/// times its best, or becomes NaN/∞.</para>
/// <para>It uses a fresh optimiser (built by the factory passed in, so the real optimiser's state is not
/// touched) and puts the model's initial weights back afterwards. Layer statistics that change in training
/// mode (batch-norm running means) are not restored.</para>
/// </remarks>
/// <example><code>
/// var finder = new LearningRateFinder(model, new SoftmaxCrossEntropy(), (ps, lr) => new GradientDescent(ps, lr));
/// var test = finder.Run(new MiniBatches(x, y, 64, seed: 1));
/// double eta = test.SuggestedRate;   // chart test.Rates (log x) against test.SmoothedLosses
/// </code></example>
public sealed class LearningRateFinder
{
    private readonly Func<IReadOnlyList<Parameter>, double, Optimiser> _createOptimiser;

    /// <param name="model">The network (its weights are restored after the sweep).</param>
    /// <param name="loss">The loss.</param>
    /// <param name="createOptimiser">Builds the optimiser for the sweep from the model's parameters and a learning rate.</param>
    public LearningRateFinder(Layer model, Loss loss, Func<IReadOnlyList<Parameter>, double, Optimiser> createOptimiser)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Loss = loss ?? throw new ArgumentNullException(nameof(loss));
        _createOptimiser = createOptimiser ?? throw new ArgumentNullException(nameof(createOptimiser));
    }

    /// <summary>The network.</summary>
    public Layer Model { get; }
    /// <summary>The loss.</summary>
    public Loss Loss { get; }
    /// <summary>η_min, the first rate ("very small"; default 1e-7).</summary>
    public double MinRate { get; init; } = 1e-7;
    /// <summary>η_max, the last rate (default 10).</summary>
    public double MaxRate { get; init; } = 10;
    /// <summary>The number of updates of the sweep (default 100).</summary>
    public int Steps { get; init; } = 100;
    /// <summary>β of the moving average of the loss, in [0, 1) (default 0.98; 0 = no smoothing).</summary>
    public double Smoothing { get; init; } = 0.98;
    /// <summary>Stop once the smoothed loss exceeds this multiple of its best (default 4).</summary>
    public double DivergenceFactor { get; init; } = 4;

    /// <summary>Runs the sweep on the batches and restores the initial weights.</summary>
    /// <exception cref="ArgumentException">Bad settings (η_min ≥ η_max, fewer than 2 steps, β outside [0, 1), factor ≤ 1).</exception>
    public LearningRateRangeTest Run(MiniBatches batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        CheckSettings();
        var parameters = Model.Parameters().ToArray();
        var initial = ParameterSnapshot.Take(parameters);
        var optimiser = _createOptimiser(parameters, MinRate);
        double q = Math.Pow(MaxRate / MinRate, 1.0 / (Steps - 1));
        var rates = new List<double>();
        var losses = new List<double>();
        var smoothed = new List<double>();
        double average = 0, best = double.PositiveInfinity;
        bool diverged = false;
        bool training = Model.Training;
        Model.Train();
        try
        {
            using var batch = Endless(batches).GetEnumerator();
            for (int i = 0; i < Steps; i++)
            {
                batch.MoveNext();
                double rate = MinRate * Math.Pow(q, i);
                optimiser.LearningRate = rate;
                optimiser.LookAhead();
                Model.ZeroGrad();
                optimiser.ZeroGrad();
                double loss = Loss.Forward(Model.Forward(batch.Current.X), batch.Current.Y);
                if (!double.IsFinite(loss)) { diverged = true; break; }
                average = Smoothing * average + (1 - Smoothing) * loss;
                double s = average / (1 - Math.Pow(Smoothing, i + 1));
                rates.Add(rate);
                losses.Add(loss);
                smoothed.Add(s);
                if (i > 0 && s > DivergenceFactor * best) { diverged = true; break; }
                best = Math.Min(best, s);
                Model.BackwardParameters(Loss.Backward());
                optimiser.Step();
            }
        }
        finally
        {
            initial.Restore();
            Model.ZeroGrad();
            Model.SetTraining(training);
        }
        if (rates.Count == 0)
            throw new InvalidOperationException(
                $"The learning-rate range test failed: the loss was already NaN/∞ at the first step (η = {NumberFormat.Significant(MinRate, 4)}); check the data and the model.");

        int argMin = 0;
        for (int i = 1; i < smoothed.Count; i++) if (smoothed[i] < smoothed[argMin]) argMin = i;
        return new LearningRateRangeTest([.. rates], [.. losses], [.. smoothed], argMin, diverged);
    }

    private static IEnumerable<MiniBatch> Endless(MiniBatches batches)
    {
        while (true)
            foreach (var b in batches.NextEpoch()) yield return b;
    }

    private void CheckSettings()
    {
        if (!(MinRate > 0) || !(MaxRate > MinRate) || !double.IsFinite(MaxRate))
            throw new ArgumentException(
                $"Expected 0 < η_min < η_max < ∞ for the range test, got η_min = {NumberFormat.Significant(MinRate, 4)}, η_max = {NumberFormat.Significant(MaxRate, 4)}.", nameof(MinRate));
        if (Steps < 2)
            throw new ArgumentException($"Expected at least 2 steps in the range test, got {Steps}.", nameof(Steps));
        if (!(Smoothing >= 0 && Smoothing < 1))
            throw new ArgumentException($"Expected a smoothing factor β in [0, 1), got {NumberFormat.Significant(Smoothing, 4)}.", nameof(Smoothing));
        if (!(DivergenceFactor > 1))
            throw new ArgumentException($"Expected a divergence factor > 1 (stop when the loss exceeds it times the best), got {NumberFormat.Significant(DivergenceFactor, 4)}.", nameof(DivergenceFactor));
    }
}
