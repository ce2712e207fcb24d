using System.Globalization;

namespace CourseKit.Data;

/// <summary>
/// A data set: n samples × d features (row i is sample i) with either class labels 0..C−1
/// (classification) or real targets (regression), feature names, class names and a description.
/// Features are a plain <c>double[,]</c>; the arrays are the data set's own, so treat them as read-only
/// and use <see cref="Subset"/>, <see cref="Standardizer"/> etc. to derive new sets.
/// </summary>
public sealed class DataSet
{
    private DataSet(string name, double[,] features, int[]? labels, double[]? targets,
                    IReadOnlyList<string>? featureNames, IReadOnlyList<string> classNames, string description)
    {
        ArgumentNullException.ThrowIfNull(features);
        Name = string.IsNullOrWhiteSpace(name) ? "data" : name;
        int n = features.GetLength(0), d = features.GetLength(1);
        if (n == 0 || d == 0)
            throw new ArgumentException($"Data set '{Name}' is empty ({n} samples × {d} features); expected at least one sample and one feature.", nameof(features));
        int targetCount = labels?.Length ?? targets!.Length;
        if (targetCount != n)
            throw new ArgumentException($"Data set '{Name}' has {n} samples but {targetCount} {(labels is null ? "targets" : "labels")}; expected one per sample.");
        featureNames ??= Enumerable.Range(0, d).Select(j => $"x{j}").ToArray();
        if (featureNames.Count != d)
            throw new ArgumentException($"Data set '{Name}' has {d} features but {featureNames.Count} feature names.", nameof(featureNames));
        if (labels is not null)
        {
            if (classNames.Count == 0)
                classNames = Enumerable.Range(0, labels.Max() + 1).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
            for (int i = 0; i < n; i++)
                if (labels[i] < 0 || labels[i] >= classNames.Count)
                    throw new ArgumentException(
                        $"Data set '{Name}': label {labels[i]} of sample {i} is out of range; expected 0..{classNames.Count - 1} ({classNames.Count} classes).", nameof(labels));
        }
        Features = features;
        Labels = labels;
        Targets = targets;
        FeatureNames = featureNames.ToArray();
        ClassNames = classNames.ToArray();
        Description = description;
    }

    /// <summary>A classification data set; class names default to "0", "1", … .</summary>
    public static DataSet Classification(string name, double[,] features, int[] labels,
        IReadOnlyList<string>? featureNames = null, IReadOnlyList<string>? classNames = null, string description = "")
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new(name, features, labels, null, featureNames, classNames ?? [], description);
    }

    /// <summary>A regression data set.</summary>
    public static DataSet Regression(string name, double[,] features, double[] targets,
        IReadOnlyList<string>? featureNames = null, string description = "")
    {
        ArgumentNullException.ThrowIfNull(targets);
        return new(name, features, null, targets, featureNames, [], description);
    }

    /// <summary>Short name ("iris", "moons", …).</summary>
    public string Name { get; }
    /// <summary>n × d features, row i = sample i.</summary>
    public double[,] Features { get; }
    /// <summary>Class labels 0..C−1, or null for a regression set.</summary>
    public int[]? Labels { get; }
    /// <summary>Regression targets, or null for a classification set.</summary>
    public double[]? Targets { get; }
    /// <summary>One name per feature column.</summary>
    public IReadOnlyList<string> FeatureNames { get; }
    /// <summary>One name per class (empty for regression).</summary>
    public IReadOnlyList<string> ClassNames { get; }
    /// <summary>Where the data comes from and what it means (the sklearn description for real sets).</summary>
    public string Description { get; }

    /// <summary>n, the number of samples.</summary>
    public int Count => Features.GetLength(0);
    /// <summary>d, the number of features.</summary>
    public int FeatureCount => Features.GetLength(1);
    /// <summary>C, the number of classes (0 for regression).</summary>
    public int ClassCount => ClassNames.Count;
    /// <summary>Whether the set has class labels.</summary>
    public bool IsClassification => Labels is not null;

    /// <summary>Sample i's features (a copy).</summary>
    public double[] Row(int i)
    {
        if ((uint)i >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(i), i, $"Expected a sample index in 0..{Count - 1}, got {i}.");
        var row = new double[FeatureCount];
        for (int j = 0; j < row.Length; j++) row[j] = Features[i, j];
        return row;
    }

    /// <summary>How many samples each class has (index = label).</summary>
    public int[] ClassCounts()
    {
        if (Labels is null) throw new InvalidOperationException($"Data set '{Name}' is a regression set; it has no classes.");
        var counts = new int[ClassCount];
        foreach (int y in Labels) counts[y]++;
        return counts;
    }

    /// <summary>The samples at <paramref name="indices"/>, in that order (repeats allowed), as a new set.</summary>
    public DataSet Subset(IReadOnlyList<int> indices, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int d = FeatureCount;
        var x = new double[indices.Count, d];
        for (int r = 0; r < indices.Count; r++)
        {
            int i = indices[r];
            if ((uint)i >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(indices), i, $"Expected sample indices in 0..{Count - 1}, got {i} at position {r}.");
            for (int j = 0; j < d; j++) x[r, j] = Features[i, j];
        }
        return WithFeatures(x, indices, name ?? Name);
    }

    /// <summary>The same samples with new features (same number of rows), e.g. after standardisation.</summary>
    public DataSet WithFeatures(double[,] features, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.GetLength(0) != Count)
            throw new ArgumentException($"Expected {Count} rows (one per sample of '{Name}'), got {features.GetLength(0)}.", nameof(features));
        return new(Name, features, Labels, Targets,
                   featureNames ?? (features.GetLength(1) == FeatureCount ? FeatureNames : null), ClassNames, Description);
    }

    private DataSet WithFeatures(double[,] x, IReadOnlyList<int> rows, string name)
    {
        int[]? labels = Labels is null ? null : rows.Select(i => Labels[i]).ToArray();
        double[]? targets = Targets is null ? null : rows.Select(i => Targets[i]).ToArray();
        return new(name, x, labels, targets, FeatureNames, ClassNames, Description);
    }

    /// <summary>Split into train/validation/test parts after a seeded shuffle; see <see cref="DataSplit.Create(DataSet, double, double, Random, bool)"/>.</summary>
    public DataSplit Split(double trainFraction, double validationFraction, int seed, bool stratify = false) =>
        DataSplit.Create(this, trainFraction, validationFraction, new Random(seed), stratify);

    /// <inheritdoc/>
    public override string ToString() => IsClassification
        ? $"{Name}: {Count} samples × {FeatureCount} features, {ClassCount} classes [{string.Join(", ", ClassCounts())}]"
        : $"{Name}: {Count} samples × {FeatureCount} features, regression";
}
