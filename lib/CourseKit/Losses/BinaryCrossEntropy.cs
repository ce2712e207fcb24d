namespace CourseKit.Losses;

/// <summary>
/// Binary cross entropy on probabilities (the lecture “Deep networks”, §2, binary classification: a Bernoulli distribution with λ = σ(f[x, φ])):
/// per entry ℓ = −t·log p − (1 − t)·log(1 − p), averaged over all entries (batch and outputs). Targets t ∈ [0, 1] (soft labels allowed).
/// <para>
/// log 0 is avoided by clamping the arguments of both logarithms below at ε = <see cref="Epsilon"/> (default 1e-12):
/// ℓ = −t·log max(p, ε) − (1 − t)·log max(1 − p, ε), so one entry costs at most −log ε ≈ 27.6 (1 − p is exact for p ≥ ½, so
/// the clamp is symmetric). The gradient uses the same floors, ∂ℓ/∂p = −t / max(p, ε) + (1 − t) / max(1 − p, ε): the exact
/// derivative inside [ε, 1 − ε], finite and pointing the right way at p = 0 or 1.
/// With a sigmoid before it, prefer <see cref="BinaryCrossEntropyWithLogits"/> (no clamping needed).
/// </para>
/// </summary>
public sealed class BinaryCrossEntropy : Loss
{
    private Tensor? _prediction, _target;

    /// <param name="epsilon">The clamp ε, in (0, 0.5).</param>
    public BinaryCrossEntropy(double epsilon = 1e-12)
    {
        if (!(epsilon > 0 && epsilon < 0.5))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"BinaryCrossEntropy needs a clamp ε in (0, 0.5), got {epsilon}.");
        Epsilon = epsilon;
    }

    /// <summary>The floor ε of p and 1 − p inside the logarithms.</summary>
    public double Epsilon { get; }

    /// <summary>The mean of −t log p − (1 − t) log(1 − p) over all entries; p and t must lie in [0, 1].</summary>
    public override double Forward(Tensor prediction, Tensor target)
    {
        const string name = nameof(BinaryCrossEntropy);
        LossInput.RequireSameShape(prediction, target, name);
        LossInput.RequireProbabilities(prediction, name, "predictions", nameof(prediction));
        LossInput.RequireProbabilities(target, name, "targets", nameof(target));
        _prediction = prediction.Clone();
        _target = target.Clone();
        double total = 0;
        var p = prediction.Span;
        var t = target.Span;
        for (int i = 0; i < p.Length; i++)
            total -= t[i] * Math.Log(Math.Max(p[i], Epsilon)) + (1 - t[i]) * Math.Log(Math.Max(1 - p[i], Epsilon));
        return total / p.Length;
    }

    /// <summary>∂L/∂p = (−t / max(p, ε) + (1 − t) / max(1 − p, ε)) / N, N the number of entries.</summary>
    public override Tensor Backward()
    {
        var p = _prediction ?? throw BackwardBeforeForward();
        double n = p.Length, eps = Epsilon;
        return Tensor.Zip(p, _target!, (pi, ti) => (-ti / Math.Max(pi, eps) + (1 - ti) / Math.Max(1 - pi, eps)) / n);
    }
}
