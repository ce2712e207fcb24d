namespace CourseKit.Activations;

/// <summary>
/// Mish (the lecture “Deep networks”, §3, Definition 6): Mish(z) = z·tanh(ln(1 + e^z)) = z·tanh(softplus(z)); smooth, non-monotonic, non-convex,
/// similar to swish and GELU. With t = tanh(softplus(z)) and softplus′ = σ:
/// Mish′(z) = t + z·(1 − t²)·σ(z).
/// </summary>
public sealed class Mish : Activation
{
    /// <summary>z·tanh(ln(1 + e^z)), softplus computed without overflow.</summary>
    public override double Apply(double z) => z * Math.Tanh(Stable.Softplus(z));

    /// <summary>tanh(sp) + z(1 − tanh²(sp))σ(z), sp = softplus(z).</summary>
    public override double Derivative(double z)
    {
        double t = Math.Tanh(Stable.Softplus(z));
        return t + z * (1 - t * t) * Stable.Sigmoid(z);
    }
}
