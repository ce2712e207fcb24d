namespace CourseKit.Activations;

/// <summary>
/// The scaled ELU (the lecture “Deep networks”, §3, Definition 3): SELU(z) = λ·ELU_α(z) = λz for z ≥ 0, λα(e^z − 1) for z &lt; 0,
/// with the constants of Klambauer et al. (2017) that make a dense network self-normalising (each layer's output
/// keeps mean 0 and variance 1, given standardised inputs, LeCun initialisation and no other regularisation):
/// λ = <see cref="Lambda"/> ≈ 1.0507 and α = <see cref="Alpha"/> ≈ 1.6733. The seed writes them rounded,
/// SELU(z) = 1.05·ELU₁.₆₇(z); the exact values are used here (the rounded ones miss the fixed point mean 0, variance 1).
/// SELU′(z) = λ for z ≥ 0, λαe^z for z &lt; 0.
/// </summary>
public sealed class SELU : Activation
{
    /// <summary>λ ≈ 1.0507009873554805 (the lecture's 1.05).</summary>
    public const double Lambda = 1.0507009873554804934193349852946;

    /// <summary>α ≈ 1.6732632423543772 (the lecture's 1.67).</summary>
    public const double Alpha = 1.6732632423543772848170429916717;

    /// <summary>λz for z ≥ 0, λα(e^z − 1) for z &lt; 0.</summary>
    public override double Apply(double z) => z < 0 ? Lambda * Alpha * Stable.ExpM1(z) : Lambda * z;

    /// <summary>λ for z ≥ 0, λαe^z for z &lt; 0.</summary>
    public override double Derivative(double z) => z < 0 ? Lambda * Alpha * Math.Exp(z) : Lambda;
}
