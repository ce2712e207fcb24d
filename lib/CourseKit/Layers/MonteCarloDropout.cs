namespace CourseKit.Layers;

/// <summary>
/// Monte Carlo dropout (the lecture “Deep networks”, §4 algorithm 20): run the network several times with different dropped
/// neurons and average the outputs; the spread of the outputs estimates the prediction's uncertainty.
/// </summary>
public static class MonteCarloDropout
{
    /// <summary>
    /// Runs <paramref name="model"/> on <paramref name="x"/> <paramref name="passes"/> times in inference mode with
    /// every <see cref="Dropout"/> in it (also inside nested <see cref="Sequential"/>s) switched to
    /// <see cref="Dropout.MonteCarlo"/>; returns the element-wise mean and standard deviation. The model's mode and
    /// the dropout flags are restored afterwards.
    /// </summary>
    public static MonteCarloPrediction Predict(Layer model, Tensor x, int passes = 30)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        if (passes < 2)
            throw new ArgumentException($"Monte Carlo dropout needs at least 2 passes to estimate a spread, got {passes}.", nameof(passes));
        var dropouts = DropoutsIn(model).Distinct().ToList();
        if (dropouts.Count == 0)
            throw new ArgumentException($"{model} has no Dropout layer; Monte Carlo dropout would repeat one deterministic output.", nameof(model));
        bool training = model.Training;
        var flags = dropouts.Select(d => d.MonteCarlo).ToList();
        try
        {
            model.Eval();
            foreach (var d in dropouts) d.MonteCarlo = true;
            Tensor? sum = null, sumSquares = null;
            for (int t = 0; t < passes; t++)
            {
                var y = model.Forward(x);
                sum = sum is null ? y.Clone() : sum.AddInPlace(y);
                sumSquares = sumSquares is null ? y.Square() : sumSquares.AddInPlace(y.Square());
            }
            var mean = sum!.ScaleInPlace(1.0 / passes);
            var variance = sumSquares!.ScaleInPlace(1.0 / passes).SubInPlace(mean.Square()).Maximum(0);
            return new MonteCarloPrediction(mean, variance.Sqrt(), passes);
        }
        finally
        {
            for (int i = 0; i < dropouts.Count; i++) dropouts[i].MonteCarlo = flags[i];
            model.SetTraining(training);
        }
    }

    private static IEnumerable<Dropout> DropoutsIn(Layer layer) => layer switch
    {
        Dropout d => [d],
        Sequential s => s.Layers.SelectMany(DropoutsIn),
        _ => [],
    };
}
