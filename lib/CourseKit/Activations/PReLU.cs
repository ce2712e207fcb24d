using System.Globalization;

namespace CourseKit.Activations;

/// <summary>
/// Parametric ReLU (the lecture “Deep networks”, §3, after Definition 1): a LeakyReLU whose slope α is learned with the weights,
/// f(z) = z for z &gt; 0, αz otherwise. Either one α shared by all features, or one α per feature (per channel):
/// feature = index along axis 1 of the input ([batch, features] or [batch, channels, h, w]).
/// <para>
/// Gradients: ∂L/∂z = ∂L/∂y for z &gt; 0, α·∂L/∂y otherwise; ∂L/∂α = Σ over the elements of that α with z ≤ 0 of z·∂L/∂y.
/// α starts at 0.2, the slope the lecture “Deep networks” recommends for LeakyReLU (PyTorch starts at 0.25). α is not weight-decayed
/// (<see cref="Parameter.Decay"/> false): decay would pull it towards a plain ReLU.
/// </para>
/// </summary>
public sealed class PReLU : Activation
{
    /// <summary>One slope shared by every element.</summary>
    /// <param name="initialAlpha">The starting slope.</param>
    public PReLU(double initialAlpha = 0.2) : this(1, initialAlpha, shared: true)
    {
    }

    /// <summary>One slope per feature (axis 1 of the input).</summary>
    /// <param name="features">The size of axis 1 of the inputs.</param>
    /// <param name="initialAlpha">The starting slope of every feature.</param>
    public PReLU(int features, double initialAlpha = 0.2) : this(features, initialAlpha, shared: false)
    {
    }

    private PReLU(int features, double initialAlpha, bool shared)
    {
        Require.AtLeastOne(features, nameof(features), "PReLU's number of features");
        if (!double.IsFinite(initialAlpha))
            throw new ArgumentOutOfRangeException(nameof(initialAlpha), initialAlpha, $"PReLU needs a finite starting slope, got {initialAlpha}.");
        Shared = shared;
        Alpha = new Parameter("prelu.α", Tensor.Full(initialAlpha, features), decay: false);
    }

    /// <summary>The learned slopes: shape [1] when shared, [features] otherwise.</summary>
    public Parameter Alpha { get; }

    /// <summary>True when one α serves all features.</summary>
    public bool Shared { get; }

    /// <inheritdoc/>
    public override IEnumerable<Parameter> Parameters() => [Alpha];

    /// <summary>f(z) with the shared α (or, per feature, with feature 0's α; see <see cref="Apply(double, int)"/>).</summary>
    public override double Apply(double z) => Apply(z, 0);

    /// <summary>f(z) = z if z &gt; 0, else α_feature·z.</summary>
    public double Apply(double z, int feature) => z > 0 ? z : Slope(feature) * z;

    /// <summary>∂f/∂z with the shared α (or feature 0's α).</summary>
    public override double Derivative(double z) => z > 0 ? 1 : Slope(0);

    /// <summary>Applies the slope of each element's feature.</summary>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireFeatures(x);
        return base.Forward(x);
    }

    /// <inheritdoc/>
    protected override void Apply(ReadOnlySpan<double> z, Span<double> y)
    {
        var alpha = Alpha.Value.Span;
        int inner = InnerSize(Input!);
        for (int i = 0; i < z.Length; i++)
            y[i] = z[i] > 0 ? z[i] : alpha[FeatureOf(i, inner)] * z[i];
    }

    /// <summary>dz = dy for z &gt; 0, α·dy otherwise; adds Σ z·dy over z ≤ 0 into ∂L/∂α.</summary>
    protected override void Backward(ReadOnlySpan<double> z, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dz)
    {
        var alpha = Alpha.Value.Span;
        var dAlpha = Alpha.Grad.Span;
        int inner = InnerSize(Input!);
        for (int i = 0; i < z.Length; i++)
        {
            if (z[i] > 0)
            {
                dz[i] = dy[i];
                continue;
            }
            int f = FeatureOf(i, inner);
            dz[i] = alpha[f] * dy[i];
            dAlpha[f] += z[i] * dy[i];
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Shared
        ? string.Create(CultureInfo.InvariantCulture, $"PReLU(α = {Alpha.Value[0]:G6}, learned)")
        : $"PReLU({Alpha.Value.Length} learned slopes)";

    private double Slope(int feature)
    {
        if (Shared) return Alpha.Value[0];
        if (feature < 0 || feature >= Alpha.Value.Length)
            throw new ArgumentOutOfRangeException(nameof(feature), feature, $"PReLU has {Alpha.Value.Length} features; expected a feature in [0, {Alpha.Value.Length - 1}].");
        return Alpha.Value[feature];
    }

    private void RequireFeatures(Tensor x)
    {
        if (Shared) return;
        int features = Alpha.Value.Length;
        if (x.Rank < 2 || x.Shape[1] != features)
            throw new ArgumentException(
                $"PReLU with {features} slopes expects input of shape [batch, {features}, ...] (features on axis 1), got {x.ShapeString}.", nameof(x));
    }

    // Elements per (example, feature) block: the product of the dimensions after axis 1.
    private static int InnerSize(Tensor x)
    {
        int inner = 1;
        for (int d = 2; d < x.Rank; d++) inner *= x.Shape[d];
        return inner;
    }

    private int FeatureOf(int index, int inner) => Shared ? 0 : index / inner % Alpha.Value.Length;
}
