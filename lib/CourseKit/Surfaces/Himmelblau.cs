namespace CourseKit.Surfaces;

/// <summary>
/// Himmelblau's function J(x, y) = (x² + y − 11)² + (x + y² − 7)²: four minima, all with J = 0, one local
/// maximum and four saddles, so where an optimiser ends depends on where it starts.
/// ∇J = (4x(x² + y − 11) + 2(x + y² − 7), 2(x² + y − 11) + 4y(x + y² − 7));
/// ∇²J = [[12x² + 4y − 42, 4x + 4y], [4x + 4y, 4x + 12y² − 26]].
/// </summary>
public sealed class Himmelblau : Surface
{
    /// <inheritdoc/>
    public override string Name => "Himmelblau";
    /// <inheritdoc/>
    public override string Formula => "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";
    /// <inheritdoc/>
    public override double Value(double x, double y)
    {
        double u = x * x + y - 11, w = x + y * y - 7;
        return u * u + w * w;
    }
    /// <inheritdoc/>
    public override (double X, double Y) Gradient(double x, double y)
    {
        double u = x * x + y - 11, w = x + y * y - 7;
        return (4 * x * u + 2 * w, 2 * u + 4 * y * w);
    }
    /// <inheritdoc/>
    public override double[,] Hessian(double x, double y)
    {
        double xy = 4 * x + 4 * y;
        return new[,] { { 12 * x * x + 4 * y - 42, xy }, { xy, 4 * x + 12 * y * y - 26 } };
    }
    /// <inheritdoc/>
    public override PlotRange Range => new(-5, 5, -5, 5);
    /// <inheritdoc/>
    public override (double X, double Y) Start => (0, 0);
    /// <summary>The four minima (the last three found by Newton's method to full double precision).</summary>
    public override IReadOnlyList<(double X, double Y)> Minima =>
    [
        (3.0, 2.0),
        (-2.805118086952745, 3.131312518250573),
        (-3.779310253377747, -3.283185991286169),
        (3.5844283403304917, -1.8481265269644034),
    ];
    /// <inheritdoc/>
    public override double? MinimumValue => 0;
}
