namespace CourseKit.Initialisers;

/// <summary>
/// Xavier (Glorot) uniform, the lecture “Deep networks”, §3 algorithm 3: w ~ U(−r, r) with r = √(3σ²) and σ² = 2/(D + D′),
/// i.e. r = √(6/(D + D′)).
/// </summary>
public sealed class XavierUniform : Initialiser
{
    /// <inheritdoc/>
    public override double Variance(int fanIn, int fanOut) => 2.0 / (fanIn + fanOut);

    /// <inheritdoc/>
    protected override void FillCore(Tensor weights, int fanIn, int fanOut, Random rng) =>
        FillUniform(weights, Math.Sqrt(3 * Variance(fanIn, fanOut)), rng);

    /// <inheritdoc/>
    public override string ToString() => "XavierUniform(r = √(6/(D + D′)))";
}
