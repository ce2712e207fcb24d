namespace CourseKit.Losses;

/// <summary>
/// Binary cross entropy on probabilities (seed 004 §2, binary classification: a Bernoulli distribution with λ = σ(f[x, φ])):
/// per entry ℓ = −t·log p − (1 − t)·log(1 − p), averaged over all entries (batch and outputs). Targets t ∈ [0, 1] (soft labels allowed).
/// <para>
/// log 0 is avoided by clamping p to [ε, 1 − ε], ε = <see cref="Epsilon"/> (default 1e-12, so one entry costs at most
/// −log ε ≈ 27.6). The gradient is taken at the clamped p̃: ∂ℓ/∂p = (p̃ − t) / (p̃(1 − p̃)), finite and pointing the right
/// way also at p = 0 or 1. With a sigmoid before it, prefer <see cref="BinaryCrossEntropyWithLogits"/> (no clamping needed).
/// </para>
/// </summary>
public sealed class BinaryCrossEntropy : Loss
{
    private Tensor? clamped, target;

    /// <param name="epsilon">The clamp ε, in (0, 0.5).</param>
    public BinaryCrossEntropy(double epsilon = 1e-12)
    {
        if (!(epsilon > 0 && epsilon < 0.5))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"BinaryCrossEntropy needs a clamp ε in (0, 0.5), got {epsilon}.");
        Epsilon = epsilon;
    }

    /// <summary>The clamp ε: probabilities are used as min(max(p, ε), 1 − ε).</summary>
    public double Epsilon { get; }

    /// <summary>The mean of −t log p − (1 − t) log(1 − p) over all entries; p and t must lie in [0, 1].</summary>
    public override double Forward(Tensor prediction, Tensor target)
    {
        const string name = nameof(BinaryCrossEntropy);
        LossInput.RequireSameShape(prediction, target, name);
        LossInput.RequireProbabilities(prediction, name, "predictions", nameof(prediction));
        LossInput.RequireProbabilities(target, name, "targets", nameof(target));
        clamped = prediction.Clip(Epsilon, 1 - Epsilon);
        this.target = target.Clone();
        double total = 0;
        var p = clamped.Span;
        var t = target.Span;
        for (int i = 0; i < p.Length; i++)
            total -= t[i] * Math.Log(p[i]) + (1 - t[i]) * Math.Log(1 - p[i]);
        return total / p.Length;
    }

    /// <summary>∂L/∂p = (p̃ − t) / (p̃(1 − p̃)) / N, N the number of entries.</summary>
    public override Tensor Backward()
    {
        var p = clamped ?? throw BackwardBeforeForward();
        var t = target!;
        double n = p.Length;
        return Tensor.Zip(p, t, (pi, ti) => (pi - ti) / (pi * (1 - pi)) / n);
    }
}
