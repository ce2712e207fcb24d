namespace CourseKit.Activations;

/// <summary>
/// The sigmoid approximation of GELU (the lecture “Deep networks”, §3, Definition 4: "well approximated by zσ(1.702z), a special case of swish"):
/// f(z) = zσ(1.702z), i.e. <see cref="Swish"/> with β = 1.702. Its largest gap to the exact <see cref="GELU"/> is about 0.02.
/// f′(z) = σ(1.702z) + 1.702z·σ(1.702z)(1 − σ(1.702z)).
/// </summary>
public sealed class GELUApprox : Activation
{
    /// <summary>The constant 1.702 of the seed.</summary>
    public const double Beta = 1.702;

    /// <summary>zσ(1.702z).</summary>
    public override double Apply(double z) => z * Stable.Sigmoid(Beta * z);

    /// <summary>σ(1.702z) + 1.702z·σ(1.702z)(1 − σ(1.702z)).</summary>
    public override double Derivative(double z)
    {
        double s = Stable.Sigmoid(Beta * z);
        return s + Beta * z * s * (1 - s);
    }
}
