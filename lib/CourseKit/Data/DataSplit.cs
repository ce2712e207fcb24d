namespace CourseKit.Data;

/// <summary>
/// A train / validation / test split of one data set. Sizes: n_train = round(f_train·n),
/// n_val = round(f_val·n), n_test = the rest (per class when stratified, so totals can differ from the
/// unstratified rounding by a sample or two). Every sample lands in exactly one part.
/// </summary>
/// <param name="Train">Training part (fit models and <see cref="Standardizer"/> here only).</param>
/// <param name="Validation">Validation part (early stopping, hyperparameters); null when its fraction is 0.</param>
/// <param name="Test">Test part; null when training and validation take every sample.</param>
/// <param name="TrainIndices">Rows of the original set in <paramref name="Train"/>.</param>
/// <param name="ValidationIndices">Rows in <paramref name="Validation"/>.</param>
/// <param name="TestIndices">Rows in <paramref name="Test"/>.</param>
public sealed record DataSplit(DataSet Train, DataSet? Validation, DataSet? Test,
                               int[] TrainIndices, int[] ValidationIndices, int[] TestIndices)
{
    /// <summary>Shuffle with <paramref name="rng"/> and cut into parts; with <paramref name="stratify"/> each
    /// class is cut separately so every part keeps the class proportions.</summary>
    /// <exception cref="ArgumentException">Fractions outside [0, 1], a train fraction of 0, fractions adding
    /// up to more than 1, stratifying a regression set, or a part that would be empty.</exception>
    public static DataSplit Create(DataSet data, double trainFraction, double validationFraction, Random rng, bool stratify = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rng);
        if (!(trainFraction > 0 && trainFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, $"Expected a training fraction in (0, 1], got {trainFraction}.");
        Require.UnitInterval(validationFraction, nameof(validationFraction), "the fraction of the data held out for validation");
        if (trainFraction + validationFraction > 1 + 1e-12)
            throw new ArgumentException($"Training ({trainFraction}) and validation ({validationFraction}) fractions add up to more than 1.");
        if (stratify && !data.IsClassification)
            throw new ArgumentException($"Cannot stratify '{data.Name}': it is a regression set without class labels.", nameof(stratify));

        var train = new List<int>(); var val = new List<int>(); var test = new List<int>();
        IEnumerable<int[]> groups = stratify
            ? Enumerable.Range(0, data.ClassCount).Select(c => Enumerable.Range(0, data.Count).Where(i => data.Labels![i] == c).ToArray())
            : [Enumerable.Range(0, data.Count).ToArray()];
        foreach (int[] group in groups)
        {
            rng.Shuffle(group);
            int nTrain = (int)Math.Round(trainFraction * group.Length, MidpointRounding.AwayFromZero);
            int nVal = Math.Min((int)Math.Round(validationFraction * group.Length, MidpointRounding.AwayFromZero), group.Length - nTrain);
            train.AddRange(group[..nTrain]);
            val.AddRange(group[nTrain..(nTrain + nVal)]);
            test.AddRange(group[(nTrain + nVal)..]);
        }
        if (stratify) { Shuffle(train, rng); Shuffle(val, rng); Shuffle(test, rng); }
        if (train.Count == 0)
            throw new ArgumentException($"The training part of '{data.Name}' ({data.Count} samples × {trainFraction}) would be empty.", nameof(trainFraction));
        if (validationFraction > 0 && val.Count == 0)
            throw new ArgumentException($"The validation part of '{data.Name}' ({data.Count} samples × {validationFraction}) would be empty; use a larger fraction or 0.", nameof(validationFraction));

        return new DataSplit(
            data.Subset(train, data.Name + "/train"),
            val.Count > 0 ? data.Subset(val, data.Name + "/validation") : null,
            test.Count > 0 ? data.Subset(test, data.Name + "/test") : null,
            train.ToArray(), val.ToArray(), test.ToArray());
    }

    private static void Shuffle(List<int> list, Random rng)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
        rng.Shuffle(span);
    }
}
