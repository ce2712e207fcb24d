namespace CourseKit.Data;

/// <summary>
/// A <see cref="DataSet"/> as the tensors a network trains on (one example per row, as every
/// <see cref="Layers.Layer"/> expects): features X [n, d], class labels as <c>int[]</c> or one-hot
/// Y [n, K] (the targets of softmax cross entropy, the lecture “Deep networks”, §2), regression targets y [n, 1].
/// Every method copies, so the tensors can be changed without touching the data set.
/// </summary>
/// <example><code>
/// var iris = DataSets.Iris();
/// Tensor x = iris.ToTensor();          // [150, 4]
/// Tensor y = iris.LabelsOneHot();      // [150, 3]
/// </code></example>
public static class DataSetTensors
{
    /// <summary>The features as a tensor [n, d], row i = sample i.</summary>
    public static Tensor ToTensor(this DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Tensor.From(data.Features);
    }

    /// <summary>The class labels 0..K−1 (a copy).</summary>
    /// <exception cref="ArgumentException">A regression set (no labels).</exception>
    public static int[] LabelArray(this DataSet data) => [.. RequireLabels(data, nameof(LabelArray))];

    /// <summary>
    /// The labels one-hot encoded: Y[i, c] = 1 if sample i is of class c, else 0; shape [n, K] with
    /// K = <paramref name="classCount"/> or, by default, the data set's number of classes.
    /// </summary>
    /// <exception cref="ArgumentException">A regression set, or a label ≥ <paramref name="classCount"/>.</exception>
    public static Tensor LabelsOneHot(this DataSet data, int? classCount = null) =>
        OneHot(RequireLabels(data, nameof(LabelsOneHot)), classCount ?? data.ClassCount);

    /// <summary>The regression targets as a column tensor [n, 1] (the shape a one-output network predicts).</summary>
    /// <exception cref="ArgumentException">A classification set (no real-valued targets).</exception>
    public static Tensor TargetsTensor(this DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var targets = data.Targets ?? throw new ArgumentException(
            $"Data set '{data.Name}' is a classification set: it has labels, not regression targets; use LabelsOneHot() or LabelArray().", nameof(data));
        return Tensor.FromArray(targets, targets.Length, 1);
    }

    /// <summary>One-hot encoding of <paramref name="labels"/>: a tensor [n, K] with a single 1 per row.</summary>
    /// <exception cref="ArgumentException">No labels, K &lt; 1, or a label outside 0..K−1.</exception>
    public static Tensor OneHot(IReadOnlyList<int> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
            throw new ArgumentException("OneHot: the label list is empty; expected at least one label.", nameof(labels));
        if (classCount < 1)
            throw new ArgumentException($"OneHot: expected at least one class, got classCount = {classCount}.", nameof(classCount));
        var y = Tensor.Zeros(labels.Count, classCount);
        for (int i = 0; i < labels.Count; i++)
        {
            int c = labels[i];
            if ((uint)c >= (uint)classCount)
                throw new ArgumentException(
                    $"OneHot: label {c} of sample {i} is out of range; expected 0..{classCount - 1} ({classCount} classes).", nameof(labels));
            y[i, c] = 1.0;
        }
        return y;
    }

    private static int[] RequireLabels(DataSet data, string method)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Labels ?? throw new ArgumentException(
            $"{method}: data set '{data.Name}' is a regression set and has no class labels; use TargetsTensor() for its targets.", nameof(data));
    }
}
