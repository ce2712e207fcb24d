namespace CourseKit.Losses;

/// <summary>
/// Gaussian negative log-likelihood with a predicted variance: the heteroscedastic regression of the lecture “Deep networks”, §2 ("models that also
/// predict the variance; with a Gaussian this gives a much uglier loss"). For Pr(y | μ, σ²) = exp(−(y − μ)²/2σ²)/√(2πσ²):
/// −log Pr = ½·log σ² + (y − μ)²/(2σ²) [+ ½·log 2π].
/// <para>
/// Layout: the prediction [batch, 2d] holds the d means μ in columns 0…d−1 and the d log-variances s = log σ² in columns d…2d−1;
/// the target is [batch, d] (or [batch] when d = 1). The log-variance is unconstrained, so a plain Dense layer can output it, and
/// σ² = e^s is always positive. Per example ℓ = Σ_j ½(s_j + (y_j − μ_j)² e^(−s_j)) [+ d·½ log 2π], mean over the batch.
/// ∂ℓ/∂μ = −(y − μ)e^(−s), ∂ℓ/∂s = ½(1 − (y − μ)²e^(−s)).
/// With σ² = 1 (s = 0) it is ½(y − μ)² + const: least squares (the homoscedastic case).
/// </para>
/// </summary>
public sealed class GaussianNLL : Loss
{
    private Tensor? _prediction, _target;

    /// <param name="includeConstant">Whether to add ½ log 2π per output (the exact −log-likelihood; it does not change the gradient).</param>
    public GaussianNLL(bool includeConstant = false) => IncludeConstant = includeConstant;

    /// <summary>Whether the ½ log 2π term is included.</summary>
    public bool IncludeConstant { get; }

    /// <summary>(1/n)Σ_i Σ_j ½(s + (y − μ)²e^(−s)) [+ ½ log 2π].</summary>
    public override double Forward(Tensor prediction, Tensor target)
    {
        const string name = nameof(GaussianNLL);
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        if (prediction.Rank != 2 || prediction.Shape[1] % 2 != 0)
            throw new ArgumentException(
                $"{name}: expected a prediction of shape [batch, 2d] (d means, then d log-variances), got {prediction.ShapeString}.", nameof(prediction));
        int n = prediction.Shape[0], d = prediction.Shape[1] / 2;
        bool fits = target.Shape[0] == n && (target.Rank == 2 ? target.Shape[1] == d : target.Rank == 1 && d == 1);
        if (!fits)
            throw new ArgumentException(
                $"{name}: the prediction {prediction.ShapeString} holds {d} mean(s) per example, so the target must be [{n}, {d}]{(d == 1 ? $" or [{n}]" : "")}, got {target.ShapeString}.",
                nameof(target));
        _prediction = prediction.Clone();
        _target = target.Reshape(n, d).Clone();
        double total = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                double mu = prediction[i, j], s = prediction[i, d + j], r = _target[i, j] - mu;
                total += 0.5 * (s + r * r * Math.Exp(-s));
            }
        if (IncludeConstant) total += n * d * 0.5 * Math.Log(2 * Math.PI);
        return total / n;
    }

    /// <summary>∂L/∂μ = −(y − μ)e^(−s)/n, ∂L/∂s = ½(1 − (y − μ)²e^(−s))/n.</summary>
    public override Tensor Backward()
    {
        var p = _prediction ?? throw BackwardBeforeForward();
        int n = p.Shape[0], d = p.Shape[1] / 2;
        var gradient = Tensor.ZerosLike(p);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                double mu = p[i, j], s = p[i, d + j], r = _target![i, j] - mu, precision = Math.Exp(-s);
                gradient[i, j] = -r * precision / n;
                gradient[i, d + j] = 0.5 * (1 - r * r * precision) / n;
            }
        return gradient;
    }
}
