using System.Globalization;

namespace CourseKit.Layers;

/// <summary>
/// Layer normalisation (the lecture “Neural networks and back-propagation” "Layer normalization"): like <see cref="BatchNorm"/>, but μ and σ are taken
/// over the features of each example rather than over the batch:
/// μᵢ = (1/D) Σⱼ xᵢⱼ,  σ²ᵢ = (1/D) Σⱼ (xᵢⱼ − μᵢ)²,  x̂ᵢⱼ = (xᵢⱼ − μᵢ)/√(σ²ᵢ + ε),  yᵢⱼ = γⱼ x̂ᵢⱼ + βⱼ.
/// It needs no running statistics and behaves the same in training and at inference (and for a batch of one).
/// </summary>
public sealed class LayerNorm : Layer
{
    private Tensor? _xHat;
    private double[]? _inverseStd;

    /// <summary>Layer norm over <paramref name="features"/> features with γ = 1, β = 0.</summary>
    public LayerNorm(int features, double eps = 1e-5, string name = "layernorm")
    {
        if (features < 2)
            throw new ArgumentException($"LayerNorm needs at least 2 features to normalise over, got {features}.", nameof(features));
        if (!(eps > 0) || double.IsInfinity(eps))
            throw new ArgumentException($"LayerNorm ε must be a finite number > 0, got {eps.ToString(CultureInfo.InvariantCulture)}.", nameof(eps));
        Eps = eps;
        Gamma = new Parameter(name + ".gamma", Tensor.Ones(features), decay: false);
        Beta = new Parameter(name + ".beta", Tensor.Zeros(features), decay: false);
    }

    /// <summary>γ, shape [features].</summary>
    public Parameter Gamma { get; }

    /// <summary>β, shape [features].</summary>
    public Parameter Beta { get; }

    /// <summary>ε.</summary>
    public double Eps { get; }

    /// <summary>D, the number of features.</summary>
    public int Features => Gamma.Value.Length;

    /// <summary>Normalises each row, then y = γx̂ + β.</summary>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2 || x.Cols != Features)
            throw new ArgumentException($"{this} expects input [batch, {Features}], got {x.ShapeString}.", nameof(x));
        int m = x.Rows, d = Features;
        var xHat = Tensor.ZerosLike(x);
        var y = Tensor.ZerosLike(x);
        _inverseStd = new double[m];
        ReadOnlySpan<double> g = Gamma.Value.Span, b = Beta.Value.Span;
        for (int i = 0; i < m; i++)
        {
            var row = x.Span.Slice(i * d, d);
            double mean = System.Numerics.Tensors.TensorPrimitives.Sum<double>(row) / d;
            double variance = 0;
            foreach (double v in row) variance += (v - mean) * (v - mean);
            variance /= d;
            double inv = _inverseStd[i] = 1 / Math.Sqrt(variance + Eps);
            var xh = xHat.Span.Slice(i * d, d);
            var ys = y.Span.Slice(i * d, d);
            for (int j = 0; j < d; j++)
            {
                xh[j] = (row[j] - mean) * inv;
                ys[j] = g[j] * xh[j] + b[j];
            }
        }
        _xHat = xHat;
        return y;
    }

    /// <summary>
    /// ∂L/∂γ += Σᵢ ∂L/∂yᵢ ⊙ x̂ᵢ, ∂L/∂β += Σᵢ ∂L/∂yᵢ; per row, with g = γ ⊙ ∂L/∂y,
    /// ∂L/∂xⱼ = (1/(D σ)) (D gⱼ − Σₖ gₖ − x̂ⱼ Σₖ gₖ x̂ₖ).
    /// </summary>
    public override Tensor Backward(Tensor dOut)
    {
        ArgumentNullException.ThrowIfNull(dOut);
        var xHat = _xHat ?? throw BackwardBeforeForward();
        if (!dOut.SameShape(xHat))
            throw new ArgumentException($"{this}.Backward expects ∂L/∂output of shape {xHat.ShapeString}, got {dOut.ShapeString}.", nameof(dOut));
        int m = xHat.Rows, d = Features;
        var dx = Tensor.ZerosLike(dOut);
        ReadOnlySpan<double> gamma = Gamma.Value.Span;
        Span<double> dGamma = Gamma.Grad.Span, dBeta = Beta.Grad.Span;
        var g = new double[d];
        for (int i = 0; i < m; i++)
        {
            var dy = dOut.Span.Slice(i * d, d);
            var xh = xHat.Span.Slice(i * d, d);
            double sumG = 0, sumGX = 0;
            for (int j = 0; j < d; j++)
            {
                dGamma[j] += dy[j] * xh[j];
                dBeta[j] += dy[j];
                g[j] = gamma[j] * dy[j];
                sumG += g[j];
                sumGX += g[j] * xh[j];
            }
            var dxs = dx.Span.Slice(i * d, d);
            double scale = _inverseStd![i] / d;
            for (int j = 0; j < d; j++) dxs[j] = scale * (d * g[j] - sumG - xh[j] * sumGX);
        }
        return dx;
    }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> Parameters() => [Gamma, Beta];

    /// <summary>E.g. <c>LayerNorm(64)</c>.</summary>
    public override string ToString() => $"LayerNorm({Features})";
}
