using System.Globalization;

namespace CourseKit.Initialisers;

/// <summary>w ~ N(0, σ²) with a fixed σ, independent of the fans.</summary>
public sealed class Normal(double sigma) : Initialiser
{
    /// <summary>The standard deviation σ &gt; 0.</summary>
    public double Sigma { get; } = Require.Positive(sigma, nameof(sigma), "Normal's standard deviation σ");

    /// <inheritdoc/>
    public override double Variance(int fanIn, int fanOut) => Sigma * Sigma;

    /// <inheritdoc/>
    protected override void FillCore(Tensor weights, int fanIn, int fanOut, Random rng) => FillNormal(weights, Sigma, rng);

    /// <inheritdoc/>
    public override string ToString() => $"Normal(σ = {Sigma.ToString(CultureInfo.InvariantCulture)})";
}
