using System.Globalization;

namespace CourseKit.Losses;

/// <summary>
/// The squared error, averaged over the batch: per example E = c·Σ_j (o_j − t_j)², divided by k (the number of outputs)
/// when <see cref="AverageOverOutputs"/>. It is the negative log-likelihood of a Gaussian with fixed variance
/// (the lecture “Deep networks”, §2: "we get the familiar least-squares loss").
/// <list type="bullet">
/// <item><c>new MeanSquaredError()</c>: E = (1/k)Σ_j (o_j − t_j)², the "mean squared error for the current input vector" of
/// the lecture “Neural networks and back-propagation” (and PyTorch's <c>MSELoss</c>); ∂L/∂o = 2(o − t)/(n·k) for a batch of n.</item>
/// <item><see cref="HalfSum"/>: E = ½Σ_j (o_j − t_j)², the form whose gradient is the lecture “Neural networks and back-propagation”'s ∂E/∂o⁽²⁾ = o⁽²⁾ − t
/// (for one example; (o − t)/n over a batch).</item>
/// <item><see cref="Sum"/>: E = Σ_j (o_j − t_j)², the lecture “Deep networks”'s L = Σ (y − f[x, φ])².</item>
/// </list>
/// The three have the same minimum; they differ by a constant factor, which rescales the learning rate.
/// </summary>
public sealed class MeanSquaredError : Loss
{
    private Tensor? _difference;

    /// <param name="factor">c in E = c·Σ(o − t)² (1, or ½ for the half-sum form); must be &gt; 0.</param>
    /// <param name="averageOverOutputs">Whether E is divided by the number of outputs k.</param>
    public MeanSquaredError(double factor = 1, bool averageOverOutputs = true)
    {
        if (!(factor > 0) || double.IsInfinity(factor))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"MeanSquaredError needs a finite factor > 0, got {NumberFormat.RoundTrip(factor)}.");
        Factor = factor;
        AverageOverOutputs = averageOverOutputs;
    }

    /// <summary>E = ½Σ_j (o_j − t_j)² per example (the lecture “Neural networks and back-propagation”'s backward pass: ∂E/∂o = o − t).</summary>
    public static MeanSquaredError HalfSum() => new(0.5, averageOverOutputs: false);

    /// <summary>E = Σ_j (o_j − t_j)² per example (the lecture “Deep networks”, §2).</summary>
    public static MeanSquaredError Sum() => new(1, averageOverOutputs: false);

    /// <summary>The factor c.</summary>
    public double Factor { get; }

    /// <summary>Whether the per-example error is divided by the number of outputs k.</summary>
    public bool AverageOverOutputs { get; }

    /// <summary>(1/n)Σ_i E_i; rank-1 predictions are n examples with one output each.</summary>
    public override double Forward(Tensor prediction, Tensor target)
    {
        LossInput.RequireSameShape(prediction, target, nameof(MeanSquaredError));
        _difference = prediction - target;
        return Factor * Tensor.Dot(_difference, _difference) / Denominator(prediction);
    }

    /// <summary>∂L/∂o = 2c(o − t)/(n·k) (or /n without the average over outputs).</summary>
    public override Tensor Backward()
    {
        var d = _difference ?? throw BackwardBeforeForward();
        return d * (2 * Factor / Denominator(d));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"MeanSquaredError(E = {Factor}·Σ(o − t)²{(AverageOverOutputs ? "/k" : "")}, mean over the batch)");

    private double Denominator(Tensor prediction)
    {
        int batch = prediction.Shape[0];
        return AverageOverOutputs ? prediction.Length : batch;
    }
}
