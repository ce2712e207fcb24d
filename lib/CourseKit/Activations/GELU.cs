namespace CourseKit.Activations;

/// <summary>
/// The Gaussian error linear unit, exact form (the lecture “Deep networks”, §3, Definition 4): GELU(z) = zΦ(z), with Φ(z) the probability that a
/// standard normal number is below z. Smooth and non-monotonic (minimum ≈ −0.17 at z ≈ −0.75); the seed calls it probably
/// the best and computationally costly. Φ comes from <see cref="ErrorFunction.NormalCdf"/> (double precision).
/// GELU′(z) = Φ(z) + zφ(z), φ the standard normal density. The cheaper approximation zσ(1.702z) is <see cref="GELUApprox"/>.
/// </summary>
public sealed class GELU : Activation
{
    /// <summary>zΦ(z).</summary>
    public override double Apply(double z) => z * ErrorFunction.NormalCdf(z);

    /// <summary>Φ(z) + zφ(z).</summary>
    public override double Derivative(double z) => ErrorFunction.NormalCdf(z) + z * ErrorFunction.NormalPdf(z);
}
