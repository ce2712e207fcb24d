namespace CourseKit.Surfaces;

/// <summary>
/// The saddle J(x, y) = x² − y² (the lecture “Optimisation: gradient descent and its variants”: "σαγματικά σημεία", most critical points of network losses are
/// saddles): ∇J = (2x, −2y) vanishes at (0, 0), but ∇²J = diag(2, −2) is indefinite, so (0, 0) is no minimum
/// and J is unbounded below. Started near the x-axis, gradient descent slides towards the saddle and
/// leaves it only slowly along y; Newton's method jumps straight onto it.
/// </summary>
public sealed class Saddle : Surface
{
    /// <inheritdoc/>
    public override string Name => "Saddle";
    /// <inheritdoc/>
    public override string Formula => "x^2 - y^2";
    /// <inheritdoc/>
    public override double Value(double x, double y) => x * x - y * y;
    /// <inheritdoc/>
    public override (double X, double Y) Gradient(double x, double y) => (2 * x, -2 * y);
    /// <inheritdoc/>
    public override double[,] Hessian(double x, double y) => new double[,] { { 2, 0 }, { 0, -2 } };
    /// <inheritdoc/>
    public override PlotRange Range => new(-2, 2, -2, 2);
    /// <inheritdoc/>
    public override (double X, double Y) Start => (-1.5, 0.01);
}
