namespace CourseKit.Surfaces;

/// <summary>
/// The monkey saddle J(x, y) = x³ − 3xy² (three valleys, "two for the legs and one for the tail"):
/// ∇J = (3x² − 3y², −6xy) and ∇²J = [[6x, −6y], [−6y, −6x]] both vanish at (0, 0), a degenerate critical point
/// that second-order information cannot classify. No minimum: J is unbounded below.
/// </summary>
public sealed class MonkeySaddle : Surface
{
    /// <inheritdoc/>
    public override string Name => "Monkey saddle";
    /// <inheritdoc/>
    public override string Formula => "x^3 - 3xy^2";
    /// <inheritdoc/>
    public override double Value(double x, double y) => x * x * x - 3 * x * y * y;
    /// <inheritdoc/>
    public override (double X, double Y) Gradient(double x, double y) => (3 * x * x - 3 * y * y, -6 * x * y);
    /// <inheritdoc/>
    public override double[,] Hessian(double x, double y) => new[,] { { 6 * x, -6 * y }, { -6 * y, -6 * x } };
    /// <inheritdoc/>
    public override PlotRange Range => new(-1.5, 1.5, -1.5, 1.5);
    /// <inheritdoc/>
    public override (double X, double Y) Start => (1.0, 0.05);
}
