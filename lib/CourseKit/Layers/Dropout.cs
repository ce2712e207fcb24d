using System.Globalization;

namespace CourseKit.Layers;

/// <summary>
/// Dropout (the lecture “Neural networks and back-propagation” "Dropout"; the lecture “Deep networks”, §4 algorithm 20): in training each output is dropped (set to 0) with
/// probability p, typically 0.2 at the input and 0.5 after hidden layers, drawing a new mask m (mᵢ ~ Bernoulli(1 − p))
/// for every batch, so no neuron can rely on a particular other one. Gradients flow only through kept
/// outputs: ∂L/∂x = m ⊙ ∂L/∂y · scale.
/// <list type="bullet">
/// <item><see cref="DropoutScaling.Inverted"/> (default): y = m ⊙ x / (1 − p) in training, y = x at inference.</item>
/// <item><see cref="DropoutScaling.AtInference"/>: y = m ⊙ x in training, y = (1 − p)·x at inference.</item>
/// <item><see cref="MonteCarlo"/>: dropout stays on at inference; averaging several passes
/// (<see cref="MonteCarloDropout.Predict"/>) gives a prediction and its spread.</item>
/// </list>
/// </summary>
public sealed class Dropout : Layer
{
    private readonly Random _rng;
    private Tensor? _mask;      // m·scale of the last stochastic pass, or null when the last pass was deterministic
    private double _scale;      // the factor of the last deterministic pass
    private int[]? _lastShape;

    /// <summary>Dropout with drop probability <paramref name="p"/> ∈ [0, 1), masks drawn from <paramref name="rng"/>.</summary>
    public Dropout(double p, Random rng, DropoutScaling scaling = DropoutScaling.Inverted)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (!(p >= 0 && p < 1))
            throw new ArgumentException(
                $"Dropout probability p must be in [0, 1) (the chance of dropping a neuron; the lecture uses 0.2–0.5), got {p.ToString(CultureInfo.InvariantCulture)}.",
                nameof(p));
        if (!Enum.IsDefined(scaling))
            throw new ArgumentException($"Unknown dropout scaling {scaling}; expected Inverted or AtInference.", nameof(scaling));
        P = p;
        Scaling = scaling;
        _rng = rng;
    }

    /// <summary>As <see cref="Dropout(double, Random, DropoutScaling)"/> with <c>new Random(seed)</c>.</summary>
    public Dropout(double p, int seed = 0, DropoutScaling scaling = DropoutScaling.Inverted)
        : this(p, new Random(seed), scaling)
    {
    }

    /// <summary>p, the probability of dropping an output.</summary>
    public double P { get; }

    /// <summary>p_keep = 1 − p.</summary>
    public double KeepProbability => 1 - P;

    /// <summary>Where the 1/(1 − p) or (1 − p) compensation happens.</summary>
    public DropoutScaling Scaling { get; }

    /// <summary>Monte Carlo dropout: when true, outputs are dropped at inference too, exactly as in training.</summary>
    public bool MonteCarlo { get; set; }

    /// <summary>
    /// When true, a Forward on a batch of the same shape as the last stochastic one reuses its mask instead of
    /// drawing a new one (for gradient checks, which call Forward many times, and for showing one thinned network).
    /// </summary>
    public bool ReuseMask { get; set; }

    /// <summary>The kept/dropped pattern of the last pass (1 kept, 0 dropped), or null when it drew no mask
    /// (inference without Monte Carlo, or p = 0).</summary>
    public Tensor? LastMask => _mask is null ? null : _mask.Map(v => v != 0 ? 1 : 0);

    /// <summary>The dropped (training or Monte Carlo) or scaled (inference) input.</summary>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        bool stochastic = (Training || MonteCarlo) && P > 0;
        if (!stochastic)
        {
            _mask = null;
            _scale = Training || MonteCarlo || Scaling == DropoutScaling.Inverted ? 1 : KeepProbability;
            _lastShape = [.. x.Shape];
            return _scale == 1 ? x.Clone() : x * _scale;
        }
        if (!(ReuseMask && _mask is not null && _mask.SameShape(x)))
        {
            double kept = Scaling == DropoutScaling.Inverted ? 1 / KeepProbability : 1;
            var mask = Tensor.ZerosLike(x);
            var m = mask.Span;
            for (int i = 0; i < m.Length; i++) m[i] = _rng.NextDouble() < P ? 0 : kept;
            _mask = mask;
        }
        _lastShape = [.. x.Shape];
        return x * _mask;
    }

    /// <summary>∂L/∂x = ∂L/∂y ⊙ (the mask times the scale) of the last Forward.</summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        var shape = _lastShape ?? throw BackwardBeforeForward();
        if (!dOut.Shape.SequenceEqual(shape))
            throw new ArgumentException(
                $"Dropout.Backward expects ∂L/∂output of the last output's shape [{string.Join(", ", shape)}], got {dOut.ShapeString}.",
                nameof(dOut));
        return _mask is not null ? dOut * _mask : dOut * _scale;
    }

    /// <summary>E.g. <c>Dropout(p = 0.5, Inverted)</c>.</summary>
    public override string ToString() =>
        $"Dropout(p = {P.ToString(CultureInfo.InvariantCulture)}, {Scaling}{(MonteCarlo ? ", Monte Carlo" : "")})";
}
