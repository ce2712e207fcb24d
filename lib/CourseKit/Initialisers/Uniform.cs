using System.Globalization;

namespace CourseKit.Initialisers;

/// <summary>w ~ U(−ε, ε), variance ε²/3, independent of the fans (the classic small random start).</summary>
public sealed class Uniform(double epsilon) : Initialiser
{
    /// <summary>The half-width ε &gt; 0.</summary>
    public double Epsilon { get; } = Require.Positive(epsilon, nameof(epsilon), "Uniform's half-width ε of U(−ε, ε)");

    /// <inheritdoc/>
    public override double Variance(int fanIn, int fanOut) => Epsilon * Epsilon / 3;

    /// <inheritdoc/>
    protected override void FillCore(Tensor weights, int fanIn, int fanOut, Random rng) => FillUniform(weights, Epsilon, rng);

    /// <inheritdoc/>
    public override string ToString() => $"Uniform(±{Epsilon.ToString(CultureInfo.InvariantCulture)})";
}
