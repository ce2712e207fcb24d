using System.Globalization;

namespace CourseKit.Losses;

/// <summary>Input checks shared by the losses; every message names the loss, what was expected and what was given.</summary>
internal static class LossInput
{
    /// <summary>Prediction and target non-null and of one shape.</summary>
    public static void RequireSameShape(Tensor prediction, Tensor target, string loss)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        if (!prediction.SameShape(target))
            throw new ArgumentException(
                $"{loss}: the target has shape {target.ShapeString} but the prediction has shape {prediction.ShapeString}; expected the same shape.",
                nameof(target));
    }

    /// <summary>Rank 2 [batch, classes] scores or probabilities.</summary>
    public static void RequireMatrix(Tensor prediction, string loss, string what)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        if (prediction.Rank != 2)
            throw new ArgumentException($"{loss}: expected {what} of shape [batch, classes], got {prediction.ShapeString}.", nameof(prediction));
    }

    /// <summary>Every entry in [0, 1]; the message names the first bad entry.</summary>
    public static void RequireProbabilities(Tensor t, string loss, string what, string paramName)
    {
        var s = t.Span;
        for (int i = 0; i < s.Length; i++)
            if (!(s[i] >= 0 && s[i] <= 1))
                throw new ArgumentException(
                    $"{loss}: {what} must be probabilities in [0, 1], got {NumberFormat.Significant(s[i])} at {Index(t, i)}.", paramName);
    }

    /// <summary>Every row of a [batch, classes] tensor sums to 1 (within 1e-6).</summary>
    public static void RequireRowsSumToOne(Tensor t, string loss, string what, string paramName)
    {
        int k = t.Shape[1];
        for (int r = 0; r < t.Shape[0]; r++)
        {
            double sum = 0;
            foreach (double v in t.Span.Slice(r * k, k)) sum += v;
            if (Math.Abs(sum - 1) > 1e-6)
                throw new ArgumentException(
                    $"{loss}: each row of {what} must be a distribution summing to 1, but row {r} sums to {NumberFormat.Significant(sum)}.", paramName);
        }
    }

    /// <summary>
    /// Class indices for a [batch, classes] prediction from a tensor of shape [batch] or [batch, 1] holding whole numbers in [0, classes).
    /// </summary>
    public static int[] ClassIndices(Tensor target, int batch, int classes, string loss)
    {
        ArgumentNullException.ThrowIfNull(target);
        bool column = target.Rank == 2 && target.Shape[1] == 1;
        if (!(target.Rank == 1 || column) || target.Shape[0] != batch)
            throw new ArgumentException(
                $"{loss}: expected class indices of shape [{batch}] (or a one-hot/probability target [{batch}, {classes}]), got {target.ShapeString}.",
                nameof(target));
        var labels = new int[batch];
        var s = target.Span;
        for (int i = 0; i < batch; i++)
        {
            double v = s[i];
            if (!(v >= 0 && v < classes && v == Math.Floor(v)))
                throw new ArgumentException(
                    $"{loss}: label {NumberFormat.Significant(v)} of example {i} is not a class index; expected a whole number in [0, {classes - 1}] ({classes} classes).",
                    nameof(target));
            labels[i] = (int)v;
        }
        return labels;
    }

    /// <summary>Checks an int[] of class indices against the batch size and number of classes.</summary>
    public static int[] ClassIndices(int[] labels, int batch, int classes, string loss)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != batch)
            throw new ArgumentException($"{loss}: got {labels.Length} labels for a batch of {batch}; expected one label per example.", nameof(labels));
        for (int i = 0; i < batch; i++)
            if (labels[i] < 0 || labels[i] >= classes)
                throw new ArgumentException(
                    $"{loss}: label {labels[i]} of example {i} is out of range; expected a class index in [0, {classes - 1}] ({classes} classes).",
                    nameof(labels));
        return labels;
    }

    private static string Index(Tensor t, int flat)
    {
        if (t.Rank == 1) return $"[{flat}]";
        int cols = t.Length / t.Shape[0];
        return $"[{flat / cols}, {flat % cols}]";
    }
}
