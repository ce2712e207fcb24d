namespace CourseKit.Losses;

/// <summary>
/// Binary cross entropy on logits s (the lecture “Deep networks”, §2: L = −(1 − t)log[1 − σ(s)] − t·log σ(s)), the sigmoid folded in.
/// Stable form: ℓ = max(s, 0) − s·t + log(1 + e^(−|s|)) (a log-sum-exp; never overflows, never takes log 0).
/// Averaged over all entries; targets t ∈ [0, 1]. The gradient is the tidy ∂ℓ/∂s = σ(s) − t.
/// </summary>
public sealed class BinaryCrossEntropyWithLogits : Loss
{
    private Tensor? _logits, _target;

    /// <summary>The mean of max(s, 0) − s·t + log(1 + e^(−|s|)) over all entries.</summary>
    public override double Forward(Tensor prediction, Tensor target)
    {
        const string name = nameof(BinaryCrossEntropyWithLogits);
        LossInput.RequireSameShape(prediction, target, name);
        LossInput.RequireProbabilities(target, name, "targets", nameof(target));
        _logits = prediction.Clone();
        _target = target.Clone();
        double total = 0;
        var s = _logits.Span;
        var t = target.Span;
        for (int i = 0; i < s.Length; i++)
            total += Math.Max(s[i], 0) - s[i] * t[i] + Activations.Stable.Log1P(Math.Exp(-Math.Abs(s[i])));
        return total / s.Length;
    }

    /// <summary>∂L/∂s = (σ(s) − t) / N.</summary>
    public override Tensor Backward()
    {
        var s = _logits ?? throw BackwardBeforeForward();
        double n = s.Length;
        return Tensor.Zip(s, _target!, (si, ti) => (Activations.Stable.Sigmoid(si) - ti) / n);
    }
}
