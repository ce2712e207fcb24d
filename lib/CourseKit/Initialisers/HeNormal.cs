namespace CourseKit.Initialisers;

/// <summary>
/// He (Kaiming) normal, the lecture “Deep networks”, §3 algorithm 2: w ~ N(0, σ²) with σ² = 2/D (fan-in, the default: keeps the
/// variance of ReLU activations), 2/D′ (fan-out: keeps the gradients') or 4/(D + D′) (the average).
/// For ReLU and its variants (leaky ReLU, ELU), Swish, Mish.
/// </summary>
public sealed class HeNormal(FanMode mode = FanMode.FanIn) : Initialiser
{
    /// <summary>Which fan σ² = 2/fan uses.</summary>
    public FanMode Mode { get; } = mode;

    /// <inheritdoc/>
    public override double Variance(int fanIn, int fanOut) => 2.0 / Fan(Mode, fanIn, fanOut);

    /// <inheritdoc/>
    protected override void FillCore(Tensor weights, int fanIn, int fanOut, Random rng) =>
        FillNormal(weights, Math.Sqrt(Variance(fanIn, fanOut)), rng);

    /// <inheritdoc/>
    public override string ToString() => $"HeNormal({Mode})";
}
