namespace CourseKit.Initialisers;

/// <summary>
/// How a layer's weights are drawn before training (the lecture “Deep networks”, §3, "inicjalizacja"). A weight tensor with
/// fan-in D (inputs of a neuron) and fan-out D′ (neurons fed) is filled from <see cref="Random"/>; the
/// variance-scaling rules pick σ² so that activations (fan-in) or gradients (fan-out) keep their size from
/// layer to layer.
/// </summary>
public abstract class Initialiser
{
    /// <summary>Fills <paramref name="weights"/> in place for a layer with fan-in <paramref name="fanIn"/> and fan-out
    /// <paramref name="fanOut"/>, drawing from <paramref name="rng"/>.</summary>
    public void Fill(Tensor weights, int fanIn, int fanOut, Random rng)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(rng);
        if (fanIn < 1 || fanOut < 1)
            throw new ArgumentException($"{GetType().Name}: fan-in and fan-out must be at least 1, got fan-in {fanIn} and fan-out {fanOut}.");
        FillCore(weights, fanIn, fanOut, rng);
    }

    /// <summary>A new [fanOut, fanIn] weight matrix (the <see cref="Layers.Dense"/> layout W [out, in]).</summary>
    public Tensor Create(int fanIn, int fanOut, Random rng)
    {
        if (fanIn < 1 || fanOut < 1)
            throw new ArgumentException($"{GetType().Name}: fan-in and fan-out must be at least 1, got fan-in {fanIn} and fan-out {fanOut}.");
        var w = Tensor.Zeros(fanOut, fanIn);
        Fill(w, fanIn, fanOut, rng);
        return w;
    }

    /// <summary>The variance of one drawn weight for these fans (0 for constant initialisers).</summary>
    public abstract double Variance(int fanIn, int fanOut);

    /// <summary>Fills validated arguments.</summary>
    protected abstract void FillCore(Tensor weights, int fanIn, int fanOut, Random rng);

    /// <summary>Fills with N(0, σ²).</summary>
    protected static void FillNormal(Tensor weights, double sigma, Random rng) =>
        weights.CopyFrom(Tensor.Normal(rng, 0, sigma, [.. weights.Shape]));

    /// <summary>Fills with U(−r, r); its variance is r²/3, so r = √(3σ²) gives variance σ² (the lecture “Deep networks”, §3).</summary>
    protected static void FillUniform(Tensor weights, double r, Random rng) =>
        weights.CopyFrom(Tensor.Uniform(rng, -r, r, [.. weights.Shape]));

    /// <summary>The fan a <see cref="FanMode"/> selects: D, D′, or (D + D′)/2.</summary>
    protected static double Fan(FanMode mode, int fanIn, int fanOut) => mode switch
    {
        FanMode.FanIn => fanIn,
        FanMode.FanOut => fanOut,
        FanMode.Average => (fanIn + fanOut) / 2.0,
        _ => throw new ArgumentException($"Unknown fan mode {mode}; expected FanIn, FanOut or Average.", nameof(mode)),
    };
}
