using System.Globalization;
using System.Numerics.Tensors;

namespace CourseKit.Losses;

/// <summary>
/// Softmax cross entropy from logits s [batch, K] (the lecture “Deep networks”, §2, multiclass: L = −f_y + log Σ_j exp f_j; the lecture “Neural networks and back-propagation”: the
/// cross entropy −Σ_c t_c log o_c of a softmax output against a one-hot t, "the negative log-likelihood of the right class").
/// Per example ℓ = −Σ_c q_c log softmax_c(s) = log Σ_j e^(s_j) − Σ_c q_c s_c (stable log-sum-exp), mean over the batch;
/// ∂ℓ/∂s = softmax(s) − q. (the lecture “Neural networks and back-propagation” writes log₂, bits; here the natural log, nats: a factor ln 2.)
/// <para>
/// Targets: class indices (an <c>int[]</c>, or a tensor [batch] or [batch, 1] of whole numbers) or a [batch, K] tensor of
/// one-hot rows or probabilities (each row in [0, 1], summing to 1).
/// </para>
/// <para>
/// Label smoothing ε (the lecture “Deep networks”, §4, "modify the cross entropy so that the correct label has probability 1 − ρ and the others
/// equal shares"): q = (1 − ε)·t + ε/K. So the correct class gets 1 − ε + ε/K and each other ε/K. The lecture's split
/// (1 − ρ, and ρ/(K − 1) each for the others) is ε = ρK/(K − 1).
/// </para>
/// </summary>
public sealed class SoftmaxCrossEntropy : Loss
{
    private Tensor? _probabilities, _targetDistribution;

    /// <param name="labelSmoothing">ε in [0, 1): 0 (default) is the plain cross entropy.</param>
    public SoftmaxCrossEntropy(double labelSmoothing = 0)
    {
        if (!(labelSmoothing >= 0 && labelSmoothing < 1))
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing,
                $"SoftmaxCrossEntropy needs a label smoothing ε in [0, 1), got {NumberFormat.RoundTrip(labelSmoothing)}.");
        LabelSmoothing = labelSmoothing;
    }

    /// <summary>The label smoothing ε.</summary>
    public double LabelSmoothing { get; }

    /// <summary>softmax(s) of the last <see cref="Forward(Tensor, Tensor)"/>, [batch, K] (e.g. for accuracy).</summary>
    public Tensor? Probabilities => _probabilities;

    /// <summary>The mean cross entropy; <paramref name="target"/> holds class indices ([batch] or [batch, 1]) or
    /// distributions ([batch, K]).</summary>
    public override double Forward(Tensor prediction, Tensor target)
    {
        const string name = nameof(SoftmaxCrossEntropy);
        LossInput.RequireMatrix(prediction, name, "logits");
        ArgumentNullException.ThrowIfNull(target);
        int n = prediction.Shape[0], k = prediction.Shape[1];
        bool distributions = target.Rank == 2 && target.Shape[1] == k && k > 1;
        if (!distributions) return Forward(prediction, LossInput.ClassIndices(target, n, k, name));
        if (target.Shape[0] != n)
            throw new ArgumentException(
                $"{name}: the target has shape {target.ShapeString} but the logits have shape {prediction.ShapeString}; expected [{n}, {k}] distributions or [{n}] class indices.",
                nameof(target));
        LossInput.RequireProbabilities(target, name, "targets", nameof(target));
        LossInput.RequireRowsSumToOne(target, name, "the target", nameof(target));
        return Evaluate(prediction, Smooth(target.Clone()));
    }

    /// <summary>The mean cross entropy against class indices <paramref name="labels"/> (one per row, in [0, K)).</summary>
    public double Forward(Tensor prediction, int[] labels)
    {
        const string name = nameof(SoftmaxCrossEntropy);
        LossInput.RequireMatrix(prediction, name, "logits");
        int n = prediction.Shape[0], k = prediction.Shape[1];
        LossInput.ClassIndices(labels, n, k, name);
        var oneHot = Tensor.Zeros(n, k);
        for (int i = 0; i < n; i++) oneHot[i, labels[i]] = 1;
        return Evaluate(prediction, Smooth(oneHot));
    }

    /// <summary>∂L/∂s = (softmax(s) − q)/n.</summary>
    public override Tensor Backward()
    {
        var p = _probabilities ?? throw BackwardBeforeForward();
        var gradient = p - _targetDistribution!;
        return gradient.ScaleInPlace(1.0 / p.Shape[0]);
    }

    /// <inheritdoc/>
    public override string ToString() => LabelSmoothing == 0
        ? "SoftmaxCrossEntropy"
        : string.Create(CultureInfo.InvariantCulture, $"SoftmaxCrossEntropy(label smoothing ε = {LabelSmoothing})");

    // q = (1 − ε)t + ε/K, in place.
    private Tensor Smooth(Tensor t)
    {
        if (LabelSmoothing == 0) return t;
        int k = t.Shape[1];
        t.ScaleInPlace(1 - LabelSmoothing);
        foreach (ref double v in t.Span) v += LabelSmoothing / k;
        return t;
    }

    private double Evaluate(Tensor logits, Tensor q)
    {
        int n = logits.Shape[0], k = logits.Shape[1];
        var p = Tensor.ZerosLike(logits);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            var s = logits.Span.Slice(i * k, k);
            var qi = q.Span.Slice(i * k, k);
            var pi = p.Span.Slice(i * k, k);
            // One pass of e^(s − m), m = max s, gives both: log Σ e^s = m + log Σ e^(s − m), softmax = e^(s − m) / Σ e^(s − m).
            double max = TensorPrimitives.Max(s);
            TensorPrimitives.Subtract(s, max, pi);
            TensorPrimitives.Exp(pi, pi);
            double sum = TensorPrimitives.Sum<double>(pi);
            double logSumExp = max + Math.Log(sum);
            // ℓ = Σ_c q_c (log Σ e^s − s_c) = log Σ e^s · Σ q − Σ q_c s_c
            for (int c = 0; c < k; c++) total += qi[c] * (logSumExp - s[c]);
            TensorPrimitives.Divide(pi, sum, pi);
        }
        _probabilities = p;
        _targetDistribution = q;
        return total / n;
    }
}
