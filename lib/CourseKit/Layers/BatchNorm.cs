using System.Globalization;

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
    private double[]? _inverseStd; // 1/√(σ² + ε) per feature of the last Forward
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
        if (!(momentum >= 0 && momentum < 1))
            throw new ArgumentException($"BatchNorm momentum must be in [0, 1), got {momentum.ToString(CultureInfo.InvariantCulture)}.", nameof(momentum));
        if (!(eps > 0) || double.IsInfinity(eps))
            throw new ArgumentException($"BatchNorm ε must be a finite number > 0, got {eps.ToString(CultureInfo.InvariantCulture)}.", nameof(eps));
        Momentum = momentum;
        Eps = eps;
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
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2 || x.Cols != Features)
            throw new ArgumentException($"{this} expects input [batch, {Features}], got {x.ShapeString}.", nameof(x));
        int m = x.Rows, d = Features;
        if (Training && m < 2)
            throw new ArgumentException(
                $"{this} in training needs a batch of at least 2 examples to estimate σ²_B, got {x.ShapeString}; use Eval() for single examples.",
                nameof(x));
        double[] mean, variance;
        if (Training)
        {
            mean = x.Mean(0).ToArray();
            variance = new double[d];
            var xs = x.Span;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < d; j++)
                {
                    double c = xs[i * d + j] - mean[j];
                    variance[j] += c * c;
                }
            for (int j = 0; j < d; j++)
            {
                variance[j] /= m;
                RunningMean[j] = Momentum * RunningMean[j] + (1 - Momentum) * mean[j];
                RunningVariance[j] = Momentum * RunningVariance[j] + (1 - Momentum) * variance[j];
            }
        }
        else
        {
            mean = RunningMean.ToArray();
            variance = RunningVariance.ToArray();
        }
        _batchStatistics = Training;
        _inverseStd = [.. variance.Select(v => 1 / Math.Sqrt(v + Eps))];
        var xHat = Tensor.ZerosLike(x);
        var y = Tensor.ZerosLike(x);
        Span<double> xh = xHat.Span, ys = y.Span;
        ReadOnlySpan<double> xIn = x.Span, g = Gamma.Value.Span, b = Beta.Value.Span;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < d; j++)
            {
                int k = i * d + j;
                xh[k] = (xIn[k] - mean[j]) * _inverseStd[j];   // x̂ = (x − μ)/√(σ² + ε)
                ys[k] = g[j] * xh[k] + b[j];                    // y = γx̂ + β
            }
        _xHat = xHat;
        return y;
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
        if (!dOut.SameShape(xHat))
            throw new ArgumentException($"{this}.Backward expects ∂L/∂output of shape {xHat.ShapeString}, got {dOut.ShapeString}.", nameof(dOut));
        int m = xHat.Rows, d = Features;
        var invStd = _inverseStd!;
        ReadOnlySpan<double> dy = dOut.Span, xh = xHat.Span, gamma = Gamma.Value.Span;
        Span<double> dGamma = Gamma.Grad.Span, dBeta = Beta.Grad.Span;
        var sumG = new double[d];
        var sumGX = new double[d];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < d; j++)
            {
                int k = i * d + j;
                dGamma[j] += dy[k] * xh[k];
                dBeta[j] += dy[k];
                sumG[j] += gamma[j] * dy[k];
                sumGX[j] += gamma[j] * dy[k] * xh[k];
            }
        var dx = Tensor.ZerosLike(dOut);
        var dxs = dx.Span;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < d; j++)
            {
                int k = i * d + j;
                double g = gamma[j] * dy[k];
                dxs[k] = _batchStatistics
                    ? invStd[j] / m * (m * g - sumG[j] - xh[k] * sumGX[j])
                    : g * invStd[j];
            }
        return dx;
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
        var w = previous.W.Value.Clone();
        var b = previous.B.Value.Clone();
        int inputs = previous.Inputs;
        for (int j = 0; j < Features; j++)
        {
            double sigma = Math.Sqrt(RunningVariance[j] + Eps);
            double factor = Gamma.Value[j] / sigma;
            var row = w.Span.Slice(j * inputs, inputs);
            System.Numerics.Tensors.TensorPrimitives.Multiply(row, factor, row);   // W′ = γW/σ
            b[j] = factor * (b[j] - RunningMean[j]) + Beta.Value[j];   // b′ = γ(b − μ)/σ + β
        }
        return Dense.FromWeights(w, b, name);
    }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> Parameters() => [Gamma, Beta];

    /// <summary>E.g. <c>BatchNorm(128)</c>.</summary>
    public override string ToString() => $"BatchNorm({Features})";
}
