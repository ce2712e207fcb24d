using System.Globalization;

namespace CourseKit.Activations;

/// <summary>
/// Randomized ReLU (the lecture “Deep networks”, §3, after Definition 1): a LeakyReLU whose slope α is drawn afresh for every element on
/// every forward pass in training, α ~ U(lower, upper) with [lower, upper] a fixed sub-interval of [0, 1]; at inference
/// ("at test time") the mean α = (lower + upper)/2 is used. f(z) = z for z &gt; 0, αz otherwise.
/// <para>
/// <see cref="Apply(double)"/> and <see cref="Derivative"/> use the inference slope (the mean). The training-mode forward pass
/// keeps the drawn slopes, and backward uses them: ∂y/∂z = 1 for z &gt; 0, αᵢ otherwise.
/// Defaults 1/8 and 1/3 are the interval of Xu et al. (2015); the seed names no interval.
/// </para>
/// </summary>
public sealed class RandomizedReLU : Activation
{
    private readonly Random _random;
    private double[] _slopes = [];

    /// <param name="lower">The smallest slope, ≥ 0.</param>
    /// <param name="upper">The largest slope, ≤ 1 and ≥ <paramref name="lower"/>.</param>
    /// <param name="seed">Seeds the slopes drawn in training.</param>
    public RandomizedReLU(double lower = 1.0 / 8, double upper = 1.0 / 3, int seed = 0)
        : this(lower, upper, new Random(seed))
    {
    }

    /// <param name="lower">The smallest slope, ≥ 0.</param>
    /// <param name="upper">The largest slope, ≤ 1 and ≥ <paramref name="lower"/>.</param>
    /// <param name="random">The generator the slopes are drawn from in training.</param>
    public RandomizedReLU(double lower, double upper, Random random)
    {
        if (!(lower >= 0 && lower <= upper && upper <= 1))
            throw new ArgumentOutOfRangeException(nameof(lower),
                $"RandomizedReLU needs 0 ≤ lower ≤ upper ≤ 1, got lower = {lower}, upper = {upper}.");
        Lower = lower;
        Upper = upper;
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <summary>The lower end of the slope interval.</summary>
    public double Lower { get; }

    /// <summary>The upper end of the slope interval.</summary>
    public double Upper { get; }

    /// <summary>The inference slope (lower + upper)/2.</summary>
    public double MeanAlpha => (Lower + Upper) / 2;

    /// <summary>The slopes drawn in the last forward pass, one per element (empty before one or after an inference pass).</summary>
    public ReadOnlySpan<double> LastSlopes => _slopes;

    /// <summary>z if z &gt; 0, else ᾱz with the mean slope ᾱ (inference).</summary>
    public override double Apply(double z) => z > 0 ? z : MeanAlpha * z;

    /// <summary>1 if z &gt; 0, else ᾱ (inference).</summary>
    public override double Derivative(double z) => z > 0 ? 1 : MeanAlpha;

    /// <summary>In training, draws αᵢ ~ U(lower, upper) per element; at inference, uses the mean.</summary>
    protected override void Apply(ReadOnlySpan<double> z, Span<double> y)
    {
        if (!Training)
        {
            _slopes = [];
            base.Apply(z, y);
            return;
        }
        _slopes = new double[z.Length];
        for (int i = 0; i < z.Length; i++)
        {
            _slopes[i] = Lower + (Upper - Lower) * _random.NextDouble();
            y[i] = z[i] > 0 ? z[i] : _slopes[i] * z[i];
        }
    }

    /// <summary>dz = dy where z &gt; 0, else αᵢ·dy with the slopes of the forward pass.</summary>
    protected override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dz)
    {
        bool drawn = _slopes.Length == z.Length; // the last forward pass was in training
        for (int i = 0; i < z.Length; i++)
            dz[i] = z[i] > 0 ? dy[i] : (drawn ? _slopes[i] : MeanAlpha) * dy[i];
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"RandomizedReLU(α ~ U({Lower:G4}, {Upper:G4}), mean {MeanAlpha:G4} at inference)");
}
