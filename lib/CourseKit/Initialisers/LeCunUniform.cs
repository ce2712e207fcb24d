namespace CourseKit.Initialisers;

/// <summary>LeCun uniform, the lecture “Deep networks”, §3 algorithm 4: w ~ U(−r, r) with r = √(3σ²) = √(3/D).</summary>
public sealed class LeCunUniform : Initialiser
{
    /// <inheritdoc/>
    public override double Variance(int fanIn, int fanOut) => 1.0 / fanIn;

    /// <inheritdoc/>
    protected override void FillCore(Tensor weights, int fanIn, int fanOut, Random rng) =>
        FillUniform(weights, Math.Sqrt(3 * Variance(fanIn, fanOut)), rng);

    /// <inheritdoc/>
    public override string ToString() => "LeCunUniform(r = √(3/D))";
}
