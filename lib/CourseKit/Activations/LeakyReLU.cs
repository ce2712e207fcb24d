using System.Globalization;

namespace CourseKit.Activations;

/// <summary>
/// LeakyReLU(z) = max(αz, z) for 0 ≤ α ≤ 1 (the lecture “Deep networks”, §3, Definition 1): a ReLU that lets negative values through
/// multiplied by a small constant, so dead neurons can come back to life; "α = 0.2 works quite well" (the default).
/// Derivative 1 for z &gt; 0, α for z ≤ 0 (α at the kink).
/// </summary>
public sealed class LeakyReLU : Activation
{
    /// <param name="alpha">The slope α for z &lt; 0, in [0, 1] (the lecture's 0.2 by default).</param>
    public LeakyReLU(double alpha = 0.2)
    {
        if (!(alpha >= 0 && alpha <= 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"LeakyReLU needs a slope α in [0, 1], got {alpha}.");
        Alpha = alpha;
    }

    /// <summary>The slope α for negative inputs.</summary>
    public double Alpha { get; }

    /// <summary>z if z &gt; 0, else αz.</summary>
    public override double Apply(double z) => z > 0 ? z : Alpha * z;

    /// <summary>1 if z &gt; 0, else α.</summary>
    public override double Derivative(double z) => z > 0 ? 1 : Alpha;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"LeakyReLU(α = {Alpha})");
}
