namespace CourseKit.Initialisers;

/// <summary>
/// He (Kaiming) uniform, the lecture “Deep networks”, §3: w ~ U(−r, r) with r = √(3σ²) and σ² = 2/D, 2/D′ or 4/(D + D′) by
/// <see cref="Mode"/> (fan-in default: r = √(6/D)).
/// </summary>
public sealed class HeUniform(FanMode mode = FanMode.FanIn) : Initialiser
{
    /// <summary>Which fan σ² = 2/fan uses.</summary>
    public FanMode Mode { get; } = mode;

    /// <inheritdoc/>
    public override double Variance(int fanIn, int fanOut) => 2.0 / Fan(Mode, fanIn, fanOut);

    /// <inheritdoc/>
    protected override void FillCore(Tensor weights, int fanIn, int fanOut, Random rng) =>
        FillUniform(weights, Math.Sqrt(3 * Variance(fanIn, fanOut)), rng);

    /// <inheritdoc/>
    public override string ToString() => $"HeUniform({Mode})";
}
