namespace CourseKit.Optimisers;

/// <summary>
/// Explicit L2 (Tikhonov) regularisation (the lecture “Deep networks”, §4): minimise L(φ) + (λ/2)·Σ‖φ‖² over the parameters with
/// <see cref="Parameter.Decay"/> (weights, not biases). Its gradient adds λφ to ∂L/∂φ. Call <see cref="Apply"/>
/// after the backward pass and before the optimiser step; add its result to the reported loss.
/// </summary>
/// <remarks>With plain gradient descent φ ← φ − α(∇L + λφ) = (1 − αλ)φ − α∇L: weight decay
/// (<see cref="Optimiser.WeightDecay"/>) with factor αλ. With Adam it is not (see <see cref="AdamW"/>).</remarks>
public static class L2Penalty
{
    /// <summary>(λ/2)·Σ‖φ‖² over the parameters with <see cref="Parameter.Decay"/>.</summary>
    public static double Value(IEnumerable<Parameter> parameters, double lambda)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Require.NonNegative(lambda, nameof(lambda), "the L2 penalty weight λ in (λ/2)‖φ‖²");
        double sum = 0;
        foreach (var p in parameters)
            if (p.Decay) sum += Tensor.Dot(p.Value, p.Value);
        return 0.5 * lambda * sum;
    }

    /// <summary>Adds λφ to the gradient of every parameter with <see cref="Parameter.Decay"/> and returns
    /// the penalty (λ/2)·Σ‖φ‖², to be added to the loss.</summary>
    public static double Apply(IEnumerable<Parameter> parameters, double lambda)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Require.NonNegative(lambda, nameof(lambda), "the L2 penalty weight λ in (λ/2)‖φ‖²");
        double sum = 0;
        foreach (var p in parameters)
        {
            if (!p.Decay) continue;
            sum += Tensor.Dot(p.Value, p.Value);
            p.Grad.AddScaledInPlace(p.Value, lambda); // ∂/∂φ (λ/2)‖φ‖² = λφ
        }
        return 0.5 * lambda * sum;
    }
}
