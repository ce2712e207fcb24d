using System.Globalization;

namespace CourseKit.Activations;

/// <summary>
/// Swish (the lecture “Deep networks”, §3, Definition 5): Swish_β(z) = zσ(βz), σ the sigmoid; "β may be fixed or learned with the weights".
/// β = 1 is also called SiLU; β = 1.702 approximates GELU (<see cref="GELUApprox"/>); β → ∞ tends to ReLU.
/// ∂f/∂z = σ(βz) + βz·σ(βz)(1 − σ(βz)); ∂f/∂β = z²·σ(βz)(1 − σ(βz)).
/// When learnable, β is a one-element <see cref="Parameter"/> (not weight-decayed) and backward adds ∂L/∂β into its gradient.
/// </summary>
public sealed class Swish : Activation
{
    private readonly double _fixedBeta;

    /// <param name="beta">β (1 by default): the fixed value, or the starting value when <paramref name="learnable"/>.</param>
    /// <param name="learnable">Whether β is a learned parameter.</param>
    public Swish(double beta = 1, bool learnable = false)
    {
        if (!double.IsFinite(beta))
            throw new ArgumentOutOfRangeException(nameof(beta), beta, $"Swish needs a finite β, got {beta}.");
        _fixedBeta = beta;
        BetaParameter = learnable ? new Parameter("swish.β", Tensor.Full(beta, 1), decay: false) : null;
    }

    /// <summary>The current β.</summary>
    public double Beta => BetaParameter is null ? _fixedBeta : BetaParameter.Value[0];

    /// <summary>β as a parameter when learnable, otherwise null.</summary>
    public Parameter? BetaParameter { get; }

    /// <summary>True when β is learned.</summary>
    public bool Learnable => BetaParameter is not null;

    /// <inheritdoc/>
    public override IEnumerable<Parameter> Parameters() => BetaParameter is null ? [] : [BetaParameter];

    /// <summary>zσ(βz).</summary>
    public override double Apply(double z) => z * Stable.Sigmoid(Beta * z);

    /// <summary>σ(βz) + βz·σ(βz)(1 − σ(βz)).</summary>
    public override double Derivative(double z)
    {
        double beta = Beta, s = Stable.Sigmoid(beta * z);
        return s + beta * z * s * (1 - s);
    }

    /// <summary>∂f/∂β = z²σ(βz)(1 − σ(βz)) at the current β.</summary>
    public double DerivativeBeta(double z)
    {
        double s = Stable.Sigmoid(Beta * z);
        return z * z * s * (1 - s);
    }

    /// <summary>dz = dy·∂f/∂z; when learnable, adds Σ dy·∂f/∂β into ∂L/∂β.</summary>
    protected override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dz)
    {
        double beta = Beta, dBeta = 0;
        for (int i = 0; i < z.Length; i++)
        {
            double s = Stable.Sigmoid(beta * z[i]), slope = s * (1 - s);
            dz[i] = dy[i] * (s + beta * z[i] * slope);
            dBeta += dy[i] * z[i] * z[i] * slope;
        }
        if (BetaParameter is not null) BetaParameter.Grad.Span[0] += dBeta;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Swish(β = {Beta:G6}{(Learnable ? ", learned" : "")})");
}
