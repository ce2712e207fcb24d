namespace CourseKit.Data;

/// <summary>
/// Bootstrap resampling: draw n samples from n <b>with replacement</b> (the lecture “Deep networks”, ensembling: "random
/// sampling with replacement, the same element may be taken many times — bootstrap aggregating, bagging").
/// About 1 − 1/e ≈ 63.2 % of the distinct samples appear; the rest are out of bag.
/// </summary>
public static class Bootstrap
{
    /// <summary>n indices drawn uniformly from 0..n−1 with replacement.</summary>
    public static int[] Indices(int count, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        Require.AtLeastOne(count, nameof(count), "the number of samples to resample");
        var indices = new int[count];
        for (int i = 0; i < count; i++) indices[i] = rng.Next(count);
        return indices;
    }

    /// <summary>A bootstrap sample of <paramref name="data"/> (same size) and its out-of-bag rows.</summary>
    public static BootstrapSample Sample(DataSet data, Random rng)
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] indices = Indices(data.Count, rng);
        var inBag = new bool[data.Count];
        foreach (int i in indices) inBag[i] = true;
        int[] outOfBag = Enumerable.Range(0, data.Count).Where(i => !inBag[i]).ToArray();
        return new BootstrapSample(data.Subset(indices, data.Name + "/bootstrap"), indices, outOfBag);
    }

    /// <summary>A bootstrap sample with a fresh <c>Random(seed)</c>.</summary>
    public static BootstrapSample Sample(DataSet data, int seed) => Sample(data, new Random(seed));
}

/// <summary>One bootstrap draw.</summary>
/// <param name="Data">The resampled set (n rows, with repeats).</param>
/// <param name="Indices">Row of the original set behind each resampled row.</param>
/// <param name="OutOfBag">Rows of the original set never drawn (a free validation set for bagging).</param>
public sealed record BootstrapSample(DataSet Data, int[] Indices, int[] OutOfBag);
