namespace CourseKit.Losses;

/// <summary>
/// The hinge loss of the support vector machine (the lecture “Optimisation: gradient descent and its variants”, §3: min J(θ, ξ) = ‖θ‖² + C·Σ_i ξ_i subject to ξ_i ≥ 1 − y_i x_iᵀθ and
/// ξ_i ≥ 0; the lecture's slide prints the first constraint as ≤, a typo): at the optimum each slack is ξ_i = max(0, 1 − y_i s_i) with
/// the score s_i = x_iᵀθ, so the objective is ‖θ‖² + C·Σ max(0, 1 − y·s). This loss is the mean slack (1/n)Σ max(0, 1 − y_i s_i);
/// the ‖θ‖² term is an L2 penalty / weight decay on the weights, and C trades it against the slacks.
/// <para>
/// Labels y ∈ {−1, +1} (for 0/1 labels use 2y − 1), same shape as the scores ([batch] or [batch, 1]).
/// ∂ℓ/∂s = −y where the margin is violated (y·s &lt; 1), 0 otherwise (0 at the kink y·s = 1).
/// </para>
/// </summary>
public sealed class Hinge : Loss
{
    private Tensor? _scores, _labels;

    /// <summary>(1/N)Σ max(0, 1 − y·s) over all entries.</summary>
    public override double Forward(Tensor prediction, Tensor target)
    {
        LossInput.RequireSameShape(prediction, target, nameof(Hinge));
        var y = target.Span;
        for (int i = 0; i < y.Length; i++)
            if (y[i] != 1 && y[i] != -1)
                throw new ArgumentException(
                    $"{nameof(Hinge)}: label {NumberFormat.Significant(y[i])} at [{i}] is not a ±1 label; expected −1 or +1 (for 0/1 labels use 2y − 1).",
                    nameof(target));
        _scores = prediction.Clone();
        _labels = target.Clone();
        double total = 0;
        var s = _scores.Span;
        for (int i = 0; i < s.Length; i++) total += Math.Max(0, 1 - y[i] * s[i]);
        return total / s.Length;
    }

    /// <summary>−y/N where y·s &lt; 1, else 0.</summary>
    public override Tensor Backward()
    {
        var s = _scores ?? throw BackwardBeforeForward();
        double n = s.Length;
        return Tensor.Zip(s, _labels!, (si, yi) => yi * si < 1 ? -yi / n : 0);
    }
}
