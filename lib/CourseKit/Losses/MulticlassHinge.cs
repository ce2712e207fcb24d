namespace CourseKit.Losses;

/// <summary>
/// The multiclass SVM hinge loss (Weston–Watkins), the K-class form of the slack of the lecture “Optimisation: gradient descent and its variants”, §3: for scores s [batch, K] and true
/// class y, ℓ = Σ_{j≠y} max(0, Δ − (s_y − s_j)), every wrong class must trail the true one by the margin Δ (default 1); mean over
/// the batch. ∂ℓ/∂s_j = 1 for each violating j ≠ y, ∂ℓ/∂s_y = −(number of violating j) (0 at the kinks).
/// </summary>
public sealed class MulticlassHinge : Loss
{
    private Tensor? _scores;
    private int[]? _labels;

    /// <param name="margin">Δ &gt; 0.</param>
    public MulticlassHinge(double margin = 1)
    {
        if (!(margin > 0) || double.IsInfinity(margin))
            throw new ArgumentOutOfRangeException(nameof(margin), margin, $"MulticlassHinge needs a finite margin Δ > 0, got {NumberFormat.RoundTrip(margin)}.");
        Margin = margin;
    }

    /// <summary>The margin Δ.</summary>
    public double Margin { get; }

    /// <summary>The mean over the batch; <paramref name="target"/> holds class indices ([batch] or [batch, 1]).</summary>
    public override double Forward(Tensor prediction, Tensor target)
    {
        LossInput.RequireMatrix(prediction, nameof(MulticlassHinge), "scores");
        return Evaluate(prediction, LossInput.ClassIndices(target, prediction.Shape[0], prediction.Shape[1], nameof(MulticlassHinge)));
    }

    /// <summary>The mean over the batch for class indices <paramref name="labels"/>.</summary>
    public double Forward(Tensor prediction, int[] labels)
    {
        LossInput.RequireMatrix(prediction, nameof(MulticlassHinge), "scores");
        return Evaluate(prediction, LossInput.ClassIndices(labels, prediction.Shape[0], prediction.Shape[1], nameof(MulticlassHinge)));
    }

    /// <summary>+1/n for each violating wrong class, −(count)/n for the true class.</summary>
    public override Tensor Backward()
    {
        var s = _scores ?? throw BackwardBeforeForward();
        int n = s.Shape[0], k = s.Shape[1];
        var gradient = Tensor.ZerosLike(s);
        for (int i = 0; i < n; i++)
        {
            int y = _labels![i];
            for (int j = 0; j < k; j++)
                if (j != y && Margin - (s[i, y] - s[i, j]) > 0)
                {
                    gradient[i, j] += 1.0 / n;
                    gradient[i, y] -= 1.0 / n;
                }
        }
        return gradient;
    }

    private double Evaluate(Tensor s, int[] y)
    {
        int n = s.Shape[0], k = s.Shape[1];
        double total = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++)
                if (j != y[i]) total += Math.Max(0, Margin - (s[i, y[i]] - s[i, j]));
        _scores = s.Clone();
        _labels = [.. y];
        return total / n;
    }
}
