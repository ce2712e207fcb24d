namespace CourseKit.Losses;

/// <summary>
/// The Kullback–Leibler divergence D_KL(t ‖ p) = Σ_c t_c·log(t_c / p_c) between discrete distributions, row by row, mean over
/// the batch (the lecture “Deep networks”, §2: "D_KL[q ‖ p] = ∫ q log(q/p) measures the information lost when p approximates q"; ≥ 0 because
/// −log x ≥ 1 − x; not symmetric, no triangle inequality). The target t plays the lecture's q (the data), the prediction p the model.
/// <para>
/// Prediction and target are [batch, K] probabilities (entries in [0, 1]; target rows must sum to 1). Terms with t_c = 0 are 0
/// (0·log 0 = 0). p is clamped below at ε = <see cref="Epsilon"/> (default 1e-12) inside the log, so p_c = 0 where t_c &gt; 0 costs
/// a large finite amount. ∂L/∂p_c = −t_c / (n·max(p_c, ε)) (0 where the clamp is active). Minimising over p is minimising the cross
/// entropy −Σ t log p, since Σ t log t does not depend on p.
/// </para>
/// </summary>
public sealed class KLDivergence : Loss
{
    private Tensor? _prediction, _target;

    /// <param name="epsilon">The floor ε of p inside the logarithm, in (0, 1).</param>
    public KLDivergence(double epsilon = 1e-12)
    {
        Epsilon = Require.OpenUnitInterval(epsilon, nameof(epsilon), "KLDivergence's floor ε under the probabilities");
    }

    /// <summary>The floor ε of p inside the logarithm.</summary>
    public double Epsilon { get; }

    /// <summary>D_KL(p ‖ q) = Σ p_c log(p_c / q_c) of two distributions given as arrays (no clamping: q_c = 0 where p_c &gt; 0 gives +∞).</summary>
    public static double Divergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        if (p.Length != q.Length)
            throw new ArgumentException($"KLDivergence: p has {p.Length} entries but q has {q.Length}; expected two distributions over the same classes.", nameof(q));
        double total = 0;
        for (int c = 0; c < p.Length; c++)
        {
            if (!(p[c] >= 0 && p[c] <= 1) || !(q[c] >= 0 && q[c] <= 1))
                throw new ArgumentException($"KLDivergence: expected probabilities in [0, 1], got p[{c}] = {NumberFormat.Significant(p[c])}, q[{c}] = {NumberFormat.Significant(q[c])}.", nameof(p));
            if (p[c] > 0) total += p[c] * Math.Log(p[c] / q[c]);
        }
        return total;
    }

    /// <summary>(1/n)Σ_i D_KL(t_i ‖ p_i).</summary>
    public override double Forward(Tensor prediction, Tensor target)
    {
        const string name = nameof(KLDivergence);
        LossInput.RequireMatrix(prediction, name, "probabilities");
        LossInput.RequireSameShape(prediction, target, name);
        LossInput.RequireProbabilities(prediction, name, "predictions", nameof(prediction));
        LossInput.RequireProbabilities(target, name, "targets", nameof(target));
        LossInput.RequireRowsSumToOne(target, name, "the target", nameof(target));
        _prediction = prediction.Clone();
        _target = target.Clone();
        var p = prediction.Span;
        var t = target.Span;
        double total = 0;
        for (int i = 0; i < p.Length; i++)
            if (t[i] > 0) total += t[i] * (Math.Log(t[i]) - Math.Log(Math.Max(p[i], Epsilon)));
        return total / prediction.Shape[0];
    }

    /// <summary>∂L/∂p = −t / (n·p) where p ≥ ε, 0 where clamped.</summary>
    public override Tensor Backward()
    {
        var p = _prediction ?? throw BackwardBeforeForward();
        double n = p.Shape[0];
        double eps = Epsilon;
        return Tensor.Zip(p, _target!, (pi, ti) => ti == 0 || pi < eps ? 0 : -ti / (n * pi));
    }
}
