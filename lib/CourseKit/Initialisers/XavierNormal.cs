namespace CourseKit.Initialisers;

/// <summary>
/// Xavier (Glorot) normal, the lecture “Deep networks”, §3 algorithm 3: w ~ N(0, σ²) with σ² = 2/(D + D′), the inverse of the
/// average width. For no activation, tanh, sigmoid, softmax.
/// </summary>
public sealed class XavierNormal : Initialiser
{
    /// <inheritdoc/>
    public override double Variance(int fanIn, int fanOut) => 2.0 / (fanIn + fanOut);

    /// <inheritdoc/>
    protected override void FillCore(Tensor weights, int fanIn, int fanOut, Random rng) =>
        FillNormal(weights, Math.Sqrt(Variance(fanIn, fanOut)), rng);

    /// <inheritdoc/>
    public override string ToString() => "XavierNormal(σ² = 2/(D + D′))";
}
