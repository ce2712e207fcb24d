namespace CourseKit.Training;

/// <summary>
/// Quality measures of a trained model: accuracy and the confusion matrix for classification,
/// per-class precision and recall, mean squared error and R² for regression. Scores are one row per
/// example, one column per class (logits or probabilities: the predicted class is the arg max of the row).
/// </summary>
public static class Metrics
{
    /// <summary>ŷᵢ = argmax_c scores[i, c], the predicted class of each example.</summary>
    /// <exception cref="ArgumentException">Scores that are not [n, K] with K ≥ 2.</exception>
    public static int[] PredictedClasses(Tensor scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Rank != 2 || scores.Cols < 2)
            throw new ArgumentException(
                $"Expected class scores of shape [n, K] with K ≥ 2 (one column per class), got {scores.ShapeString}; " +
                "for a single probability column use BinaryAccuracy.", nameof(scores));
        return scores.ArgMax(1);
    }

    /// <summary>The fraction of examples whose predicted class (arg max of the scores) equals the label.</summary>
    /// <exception cref="ArgumentException">A shape mismatch or a label outside 0..K−1.</exception>
    public static double Accuracy(Tensor scores, IReadOnlyList<int> labels)
    {
        var predicted = PredictedClasses(scores);
        CheckLabels(labels, predicted.Length, scores.Cols, nameof(labels));
        int correct = 0;
        for (int i = 0; i < predicted.Length; i++) if (predicted[i] == labels[i]) correct++;
        return (double)correct / predicted.Length;
    }

    /// <summary>Accuracy against targets given as a tensor: one-hot (or class probabilities) [n, K], whose
    /// arg max is the label, or class indices [n] / [n, 1]. The form the trainer's metrics take.</summary>
    public static double Accuracy(Tensor scores, Tensor targets) => Accuracy(scores, Labels(scores, targets));

    /// <summary>The fraction of examples with (probability ≥ threshold) equal to (label == 1), for a single
    /// probability column [n] or [n, 1] (a sigmoid output).</summary>
    public static double BinaryAccuracy(Tensor probabilities, IReadOnlyList<int> labels, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (!(probabilities.Rank == 1 || probabilities.Rank == 2 && probabilities.Cols == 1))
            throw new ArgumentException($"Expected one probability per example, shape [n] or [n, 1], got {probabilities.ShapeString}.", nameof(probabilities));
        CheckLabels(labels, probabilities.Rows, 2, nameof(labels));
        var p = probabilities.Span;
        int correct = 0;
        for (int i = 0; i < p.Length; i++) if ((p[i] >= threshold ? 1 : 0) == labels[i]) correct++;
        return (double)correct / p.Length;
    }

    /// <summary>The K × K confusion matrix C[actual, predicted]: C[a, p] counts the examples of class a
    /// predicted as p; the diagonal holds the correct ones.</summary>
    public static int[,] ConfusionMatrix(IReadOnlyList<int> predicted, IReadOnlyList<int> actual, int classCount)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        if (classCount < 1)
            throw new ArgumentException($"Expected at least one class, got classCount = {classCount}.", nameof(classCount));
        CheckLabels(actual, predicted.Count, classCount, nameof(actual));
        CheckLabels(predicted, predicted.Count, classCount, nameof(predicted));
        var c = new int[classCount, classCount];
        for (int i = 0; i < predicted.Count; i++) c[actual[i], predicted[i]]++;
        return c;
    }

    /// <summary>The confusion matrix of class scores [n, K] against labels.</summary>
    public static int[,] ConfusionMatrix(Tensor scores, IReadOnlyList<int> labels) =>
        ConfusionMatrix(PredictedClasses(scores), labels, scores.Cols);

    /// <summary>Per-class precision TP/(TP + FP) = C[c, c] / Σ_a C[a, c]; NaN for a class never predicted.</summary>
    public static double[] Precision(int[,] confusion) => PerClass(confusion, column: true);

    /// <summary>Per-class recall TP/(TP + FN) = C[c, c] / Σ_p C[c, p]; NaN for a class with no examples.</summary>
    public static double[] Recall(int[,] confusion) => PerClass(confusion, column: false);

    /// <summary>MSE = (1/m) Σ (ŷ − y)² over all m elements (the lecture “Deep networks”, §2's mean squared error, without ½).</summary>
    /// <exception cref="ArgumentException">Different shapes.</exception>
    public static double MeanSquaredError(Tensor prediction, Tensor target)
    {
        SameShape(prediction, target, nameof(MeanSquaredError));
        var p = prediction.Span;
        var t = target.Span;
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double d = p[i] - t[i];
            sum += d * d;
        }
        return sum / p.Length;
    }

    /// <summary>
    /// The coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² of each output column, averaged over
    /// the columns ([n] counts as one column). 1 is a perfect fit, 0 is as good as predicting the mean.
    /// </summary>
    /// <exception cref="ArgumentException">Different shapes, or a target column that is constant (Σ(y − ȳ)² = 0).</exception>
    public static double RSquared(Tensor prediction, Tensor target)
    {
        SameShape(prediction, target, nameof(RSquared));
        int n = target.Rows, m = target.Length / n;
        var p = prediction.Span;
        var t = target.Span;
        double total = 0;
        for (int j = 0; j < m; j++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += t[i * m + j];
            mean /= n;
            double residual = 0, spread = 0;
            for (int i = 0; i < n; i++)
            {
                double y = t[i * m + j];
                residual += (y - p[i * m + j]) * (y - p[i * m + j]);
                spread += (y - mean) * (y - mean);
            }
            if (spread == 0)
                throw new ArgumentException($"R² is undefined: target column {j} is constant (Σ(y − ȳ)² = 0).", nameof(target));
            total += 1 - residual / spread;
        }
        return total / m;
    }

    private static int[] Labels(Tensor scores, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Rank == 2 && targets.Cols > 1)
        {
            if (!targets.SameShape(scores))
                throw new ArgumentException(
                    $"Accuracy: one-hot targets must have the shape of the scores: scores {scores.ShapeString}, targets {targets.ShapeString}.", nameof(targets));
            return targets.ArgMax(1);
        }
        if (!(targets.Rank == 1 || targets.Rank == 2 && targets.Cols == 1))
            throw new ArgumentException(
                $"Accuracy: expected targets one-hot [n, K] or class indices [n] / [n, 1], got {targets.ShapeString} (scores {scores.ShapeString}).", nameof(targets));
        var t = targets.Span;
        var labels = new int[t.Length];
        for (int i = 0; i < t.Length; i++)
        {
            labels[i] = (int)t[i];
            if (labels[i] != t[i])
                throw new ArgumentException($"Accuracy: target {i} is {t[i]}, expected a whole class index.", nameof(targets));
        }
        return labels;
    }

    private static void CheckLabels(IReadOnlyList<int> labels, int count, int classCount, string name)
    {
        ArgumentNullException.ThrowIfNull(labels, name);
        if (labels.Count != count)
            throw new ArgumentException($"Expected {count} labels (one per example), got {labels.Count}.", name);
        if (count == 0)
            throw new ArgumentException("Expected at least one example, got none.", name);
        for (int i = 0; i < count; i++)
            if ((uint)labels[i] >= (uint)classCount)
                throw new ArgumentException(
                    $"Label {labels[i]} of example {i} is out of range; expected 0..{classCount - 1} ({classCount} classes).", name);
    }

    private static void SameShape(Tensor prediction, Tensor target, string metric)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        if (!prediction.SameShape(target))
            throw new ArgumentException(
                $"{metric}: prediction {prediction.ShapeString} and target {target.ShapeString} must have the same shape.", nameof(target));
    }

    private static double[] PerClass(int[,] confusion, bool column)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        int k = confusion.GetLength(0);
        if (confusion.GetLength(1) != k)
            throw new ArgumentException($"Expected a square confusion matrix, got {k} × {confusion.GetLength(1)}.", nameof(confusion));
        var result = new double[k];
        for (int c = 0; c < k; c++)
        {
            double sum = 0;
            for (int o = 0; o < k; o++) sum += column ? confusion[o, c] : confusion[c, o];
            result[c] = sum == 0 ? double.NaN : confusion[c, c] / sum;
        }
        return result;
    }
}
