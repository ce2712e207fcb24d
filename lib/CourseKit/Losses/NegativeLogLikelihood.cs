using System.Runtime.CompilerServices;

namespace CourseKit.Losses;

/// <summary>
/// Negative log-likelihood from log-probabilities (the lecture “Deep networks”, §2: L = Σ_i −log Pr(y_i | f[x_i, φ]), "the negative log-likelihood
/// (cross entropy)"): the prediction [batch, K] holds log p (e.g. the output of <see cref="Activations.LogSoftmax"/>), the target
/// class indices; ℓ_i = −log p_i,y_i, mean over the batch. ∂L/∂(log p)_i,c = −1/n if c = y_i, else 0.
/// LogSoftmax followed by this loss equals <see cref="SoftmaxCrossEntropy"/>.
/// </summary>
public sealed class NegativeLogLikelihood : Loss
{
    private int[]? _labels;
    private int[] _shape = [];

    /// <summary>−(1/n)Σ_i log p_i,y_i; <paramref name="target"/> holds class indices ([batch] or [batch, 1]).</summary>
    public override double Forward(Tensor prediction, Tensor target)
    {
        LossInput.RequireMatrix(prediction, nameof(NegativeLogLikelihood), "log-probabilities");
        return Evaluate(prediction, LossInput.ClassIndices(target, prediction.Shape[0], prediction.Shape[1], nameof(NegativeLogLikelihood)));
    }

    /// <summary>−(1/n)Σ_i log p_i,y_i for class indices <paramref name="labels"/>.</summary>
    public double Forward(Tensor prediction, int[] labels)
    {
        LossInput.RequireMatrix(prediction, nameof(NegativeLogLikelihood), "log-probabilities");
        return Evaluate(prediction, LossInput.ClassIndices(labels, prediction.Shape[0], prediction.Shape[1], nameof(NegativeLogLikelihood)));
    }

    /// <summary>−1/n at each example's true class, 0 elsewhere.</summary>
    public override Tensor Backward()
    {
        var y = _labels ?? throw BackwardBeforeForward();
        var gradient = Tensor.Zeros(_shape);
        for (int i = 0; i < y.Length; i++) gradient[i, y[i]] = -1.0 / y.Length;
        return gradient;
    }

    private double Evaluate(Tensor logProbabilities, int[] y, [CallerArgumentExpression(nameof(logProbabilities))] string paramName = "")
    {
        var s = logProbabilities.Span;
        for (int i = 0; i < s.Length; i++)
            if (!(s[i] <= 0))
                throw new ArgumentException(
                    $"{nameof(NegativeLogLikelihood)}: expected log-probabilities (≤ 0, e.g. from LogSoftmax), got {NumberFormat.Significant(s[i])} at " +
                    $"[{i / logProbabilities.Shape[1]}, {i % logProbabilities.Shape[1]}]; for raw scores use SoftmaxCrossEntropy.",
                    paramName);
        double total = 0;
        for (int i = 0; i < y.Length; i++) total -= logProbabilities[i, y[i]];
        _labels = [.. y];
        _shape = [.. logProbabilities.Shape];
        return total / y.Length;
    }
}
