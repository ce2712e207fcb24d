namespace CourseKit.Surfaces;

/// <summary>
/// Rosenbrock's banana valley J(x, y) = (a − x)² + b(y − x²)², a = 1, b = 100: finding the curved valley is easy,
/// following it to the minimum (a, a²) with J = 0 is slow for gradient descent.
/// ∇J = (−2(a − x) − 4bx(y − x²), 2b(y − x²)); ∇²J = [[2 − 4b(y − x²) + 8bx², −4bx], [−4bx, 2b]].
/// Start (−1.2, 1), Rosenbrock's own.
/// </summary>
public sealed class Rosenbrock : Surface
{
    /// <param name="a">a; 1 by default.</param>
    /// <param name="b">b &gt; 0; 100 by default.</param>
    public Rosenbrock(double a = 1, double b = 100)
    {
        if (!double.IsFinite(a)) throw new ArgumentOutOfRangeException(nameof(a), a, $"a must be a finite number, got {a}.");
        A = a;
        B = Require.Positive(b, nameof(b), "the valley's steepness b");
    }

    /// <summary>a.</summary>
    public double A { get; }
    /// <summary>b.</summary>
    public double B { get; }

    /// <inheritdoc/>
    public override string Name => $"Rosenbrock (a = {A:G4}, b = {B:G4})";
    /// <inheritdoc/>
    public override string Formula => @"(a - x)^2 + b\,(y - x^2)^2";
    /// <inheritdoc/>
    public override double Value(double x, double y)
    {
        double u = A - x, w = y - x * x;
        return u * u + B * w * w;
    }
    /// <inheritdoc/>
    public override (double X, double Y) Gradient(double x, double y)
    {
        double w = y - x * x;
        return (-2 * (A - x) - 4 * B * x * w, 2 * B * w);
    }
    /// <inheritdoc/>
    public override double[,] Hessian(double x, double y)
    {
        double w = y - x * x, xy = -4 * B * x;
        return new[,] { { 2 - 4 * B * w + 8 * B * x * x, xy }, { xy, 2 * B } };
    }
    /// <inheritdoc/>
    public override PlotRange Range => new(-2, 2, -1, 3);
    /// <inheritdoc/>
    public override (double X, double Y) Start => (-1.2, 1);
    /// <inheritdoc/>
    public override IReadOnlyList<(double X, double Y)> Minima => [(A, A * A)];
    /// <inheritdoc/>
    public override double? MinimumValue => 0;
}
