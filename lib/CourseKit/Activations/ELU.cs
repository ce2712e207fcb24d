using System.Globalization;

namespace CourseKit.Activations;

/// <summary>
/// The exponential linear unit (the lecture “Deep networks”, §3, Definition 2): ELU_α(z) = α(e^z − 1) for z &lt; 0, z otherwise.
/// It does not saturate for z &gt; 0, its derivative is never 0 (no dying neurons) and for α = 1 it is smooth;
/// the cost is the exponential. ELU′(z) = αe^z for z &lt; 0, 1 otherwise.
/// </summary>
public sealed class ELU : Activation
{
    /// <param name="alpha">The scale α &gt; 0 of the negative part (1 by default).</param>
    public ELU(double alpha = 1)
    {
        if (!(alpha > 0) || double.IsInfinity(alpha))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"ELU needs a finite α > 0, got {NumberFormat.RoundTrip(alpha)}.");
        Alpha = alpha;
    }

    /// <summary>α, the negative saturation value is −α.</summary>
    public double Alpha { get; }

    /// <summary>α(e^z − 1) for z &lt; 0, z otherwise.</summary>
    public override double Apply(double z) => z < 0 ? Alpha * Stable.ExpM1(z) : z;

    /// <summary>αe^z for z &lt; 0, 1 otherwise.</summary>
    public override double Derivative(double z) => z < 0 ? Alpha * Math.Exp(z) : 1;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ELU(α = {Alpha})");
}
