namespace CourseKit.Initialisers;

/// <summary>All weights 0 (for biases; for weights it leaves every neuron of a layer identical, the lecture “Deep networks”, §3).</summary>
public sealed class Zeros : Initialiser
{
    /// <inheritdoc/>
    public override double Variance(int fanIn, int fanOut) => 0;

    /// <inheritdoc/>
    protected override void FillCore(Tensor weights, int fanIn, int fanOut, Random rng) => weights.Clear();

    /// <inheritdoc/>
    public override string ToString() => "Zeros";
}
