namespace CourseKit.Layers;

/// <summary>
/// Batch normalisation (the lecture “Deep networks”, §3 algorithm 5; the lecture “Neural networks and back-propagation” "Batch normalization"), per feature j over a batch
/// of m examples:
/// μ_B = (1/m) Σᵢ xᵢ,  σ²_B = (1/m) Σᵢ (xᵢ − μ_B)²,  x̂ᵢ = (xᵢ − μ_B)/√(σ²_B + ε),  yᵢ = γ x̂ᵢ + β,
/// with γ (init 1) and β (init 0) learned. Training uses the batch statistics and updates running ones,
/// running ← momentum·running + (1 − momentum)·batch (an exponential moving average; PyTorch's momentum is
/// our 1 − momentum, and PyTorch keeps the unbiased variance where we keep the lecture's σ²_B);
/// inference uses the running statistics, so the layer is the affine map γ(x − μ)/σ + β that
/// <see cref="FoldInto"/> merges into the previous <see cref="Dense"/>.
/// </summary>
public sealed class BatchNorm : Layer
{
    private Tensor? _xHat;         // x̂ of the last Forward
    private Tensor? _inverseStd;   // 1/√(σ² + ε) per feature of the last Forward
    private bool _batchStatistics; // whether the last Forward used the batch's statistics

    /// <summary>Batch norm over <paramref name="features"/> features.</summary>
    /// <param name="features">The width of the input [batch, features].</param>
    /// <param name="momentum">The weight of the past in the running statistics, in [0, 1).</param>
    /// <param name="eps">ε &gt; 0 added to the variance so that we never divide by 0.</param>
    /// <param name="name">The parameters' name prefix (γ is <c>name.gamma</c>, β <c>name.beta</c>).</param>
    public BatchNorm(int features, double momentum = 0.9, double eps = 1e-5, string name = "batchnorm")
    {
        if (features < 1)
            throw new ArgumentException($"BatchNorm needs at least 1 feature, got {features}.", nameof(features));
        Momentum = Require.UnitInterval(momentum, nameof(momentum), "BatchNorm's weight of the past in the running statistics");
        Eps = Require.Positive(eps, nameof(eps), "BatchNorm's ε added to the variance");
        Gamma = new Parameter(name + ".gamma", Tensor.Ones(features), decay: false);
        Beta = new Parameter(name + ".beta", Tensor.Zeros(features), decay: false);
        RunningMean = Tensor.Zeros(features);
        RunningVariance = Tensor.Ones(features);
    }

    /// <summary>γ, the learned scale, shape [features].</summary>
    public Parameter Gamma { get; }

    /// <summary>β, the learned shift, shape [features].</summary>
    public Parameter Beta { get; }

    /// <summary>The running mean μ used at inference (starts at 0).</summary>
    public Tensor RunningMean { get; }

    /// <summary>The running variance σ² used at inference (starts at 1).</summary>
    public Tensor RunningVariance { get; }

    /// <summary>The weight of the past in the running statistics.</summary>
    public double Momentum { get; }

    /// <summary>ε.</summary>
    public double Eps { get; }

    /// <summary>The number of features.</summary>
    public int Features => Gamma.Value.Length;

    /// <summary>y = γx̂ + β, with batch statistics in training (and the running ones updated), running ones at inference.</summary>
    public override Tensor Forward(Tensor x)
    {
        Normalisation.CheckInput(this, x, Features);
        if (Training && x.Rows < 2)
            throw new ArgumentException(
                $"{this} in training needs a batch of at least 2 examples to estimate σ²_B, got {x.ShapeString}; use Eval() for single examples.",
                nameof(x));
        var (mean, variance) = (RunningMean, RunningVariance);
        if (Training)
        {
            (mean, variance) = Normalisation.Moments(x, axis: 0);   // μ_B and σ²_B, one per feature
            UpdateRunning(RunningMean, mean);
            UpdateRunning(RunningVariance, variance);
        }
        _batchStatistics = Training;
        (_xHat, _inverseStd) = Normalisation.Standardise(x, mean, variance, Eps);
        return Normalisation.ScaleAndShift(_xHat, Gamma, Beta);
    }

    /// <summary>
    /// ∂L/∂γ += Σᵢ ∂L/∂yᵢ x̂ᵢ, ∂L/∂β += Σᵢ ∂L/∂yᵢ. With batch statistics, μ_B and σ²_B depend on every xᵢ:
    /// with g = γ ∂L/∂y, ∂L/∂xᵢ = (1/(m σ)) (m gᵢ − Σₖ gₖ − x̂ᵢ Σₖ gₖ x̂ₖ); with running statistics
    /// ∂L/∂xᵢ = gᵢ/σ.
    /// </summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        var xHat = _xHat ?? throw BackwardBeforeForward();
        Normalisation.CheckGradient(this, dOut, xHat);
        var g = Normalisation.ScaleAndShiftBackward(dOut, xHat, Gamma, Beta);   // g = γ ∂L/∂y
        return _batchStatistics
            ? Normalisation.InputGradient(g, xHat, _inverseStd!, axis: 0)   // (1/(mσ)) (m g − Σₖ gₖ − x̂ Σₖ gₖ x̂ₖ)
            : g * _inverseStd!;                                              // g/σ
    }

    /// <summary>
    /// The previous layer with this batch norm folded in (the lecture “Deep networks”, §3): with σ = √(running σ² + ε) and μ the running
    /// mean, W′ = γW/σ (row j scaled by γⱼ/σⱼ) and b′ = γ(b − μ)/σ + β, so X·W′ᵀ + b′ equals this layer's inference
    /// output on the previous layer's output. Neither layer changes.
    /// </summary>
    public Dense FoldInto(Dense previous, string name = "folded")
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous.Outputs != Features)
            throw new ArgumentException(
                $"Cannot fold {this} into {previous}: the dense layer has {previous.Outputs} outputs, expected {Features}.", nameof(previous));
        var factor = Gamma.Value / (RunningVariance + Eps).Sqrt();   // γ/σ, one per output of the dense layer
        var w = factor.Reshape(Features, 1) * previous.W.Value;       // W′ = γW/σ
        var b = factor * (previous.B.Value - RunningMean) + Beta.Value;   // b′ = γ(b − μ)/σ + β
        return Dense.FromWeights(w, b, name);
    }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> Parameters() => [Gamma, Beta];

    /// <summary>E.g. <c>BatchNorm(128)</c>.</summary>
    public override string ToString() => $"BatchNorm({Features})";

    /// <summary>running ← momentum·running + (1 − momentum)·batch.</summary>
    private void UpdateRunning(Tensor running, Tensor batch) =>
        running.CopyFrom(Momentum * running + (1 - Momentum) * batch.Reshape(Features));
}
