namespace CourseKit.Surfaces;

/// <summary>
/// The convex bowl J(x, y) = ½(a·x² + b·y²), a, b &gt; 0: ∇J = (a·x, b·y), ∇²J = diag(a, b), one minimum at
/// (0, 0) with J = 0. The ½ makes a and b the Hessian's eigenvalues, so gradient descent with step η contracts
/// each coordinate by exactly (1 − ηa) and (1 − ηb) per step: it converges iff η &lt; 2/max(a, b).
/// </summary>
public sealed class Quadratic : Surface
{
    /// <param name="a">Curvature along x, &gt; 0; 1 by default.</param>
    /// <param name="b">Curvature along y, &gt; 0; 1 by default.</param>
    public Quadratic(double a = 1, double b = 1)
    {
        A = Require.Positive(a, nameof(a), "the curvature along x");
        B = Require.Positive(b, nameof(b), "the curvature along y");
    }

    /// <summary>a.</summary>
    public double A { get; }
    /// <summary>b.</summary>
    public double B { get; }

    /// <inheritdoc/>
    public override string Name => $"Quadratic (a = {A:G4}, b = {B:G4})";
    /// <inheritdoc/>
    public override string Formula => @"\tfrac12\left(a x^2 + b y^2\right)";
    /// <inheritdoc/>
    public override double Value(double x, double y) => 0.5 * (A * x * x + B * y * y);
    /// <inheritdoc/>
    public override (double X, double Y) Gradient(double x, double y) => (A * x, B * y);
    /// <inheritdoc/>
    public override double[,] Hessian(double x, double y) => new[,] { { A, 0 }, { 0, B } };
    /// <inheritdoc/>
    public override PlotRange Range => new(-2, 2, -2, 2);
    /// <inheritdoc/>
    public override (double X, double Y) Start => (-1.5, 1.5);
    /// <inheritdoc/>
    public override IReadOnlyList<(double X, double Y)> Minima => [(0, 0)];
    /// <inheritdoc/>
    public override double? MinimumValue => 0;
}
