namespace CourseKit.Initialisers;

/// <summary>LeCun normal, the lecture “Deep networks”, §3 algorithm 4: w ~ N(0, σ²) with σ² = 1/D. For SELU.</summary>
public sealed class LeCunNormal : Initialiser
{
    /// <inheritdoc/>
    public override double Variance(int fanIn, int fanOut) => 1.0 / fanIn;

    /// <inheritdoc/>
    protected override void FillCore(Tensor weights, int fanIn, int fanOut, Random rng) =>
        FillNormal(weights, Math.Sqrt(Variance(fanIn, fanOut)), rng);

    /// <inheritdoc/>
    public override string ToString() => "LeCunNormal(σ² = 1/D)";
}
