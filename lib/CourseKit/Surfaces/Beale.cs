namespace CourseKit.Surfaces;

/// <summary>
/// Beale's function J(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: flat plateaus and sharp
/// ridges, one global minimum at (3, 0.5) with J = 0. Written as J = Σ tᵢ² with tᵢ = cᵢ − x + x·yⁱ, so
/// ∇J = 2Σ tᵢ∇tᵢ and ∇²J = 2Σ(∇tᵢ∇tᵢᵀ + tᵢ∇²tᵢ), ∇tᵢ = (yⁱ − 1, i·x·yⁱ⁻¹).
/// </summary>
public sealed class Beale : Surface
{
    private static readonly double[] _c = [1.5, 2.25, 2.625];

    /// <inheritdoc/>
    public override string Name => "Beale";
    /// <inheritdoc/>
    public override string Formula => "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2";

    /// <inheritdoc/>
    public override double Value(double x, double y)
    {
        double sum = 0;
        for (int i = 1; i <= 3; i++)
        {
            double t = _c[i - 1] - x + x * Math.Pow(y, i);
            sum += t * t;
        }
        return sum;
    }

    /// <inheritdoc/>
    public override (double X, double Y) Gradient(double x, double y)
    {
        double gx = 0, gy = 0;
        for (int i = 1; i <= 3; i++)
        {
            double t = _c[i - 1] - x + x * Math.Pow(y, i);
            gx += 2 * t * (Math.Pow(y, i) - 1);        // ∂t/∂x = yⁱ − 1
            gy += 2 * t * i * x * Math.Pow(y, i - 1);  // ∂t/∂y = i·x·yⁱ⁻¹
        }
        return (gx, gy);
    }

    /// <inheritdoc/>
    public override double[,] Hessian(double x, double y)
    {
        double hxx = 0, hxy = 0, hyy = 0;
        for (int i = 1; i <= 3; i++)
        {
            double t = _c[i - 1] - x + x * Math.Pow(y, i);
            double tx = Math.Pow(y, i) - 1, ty = i * x * Math.Pow(y, i - 1);
            double txy = i * Math.Pow(y, i - 1);                              // ∂²t/∂x∂y
            double tyy = i > 1 ? i * (i - 1) * x * Math.Pow(y, i - 2) : 0;    // ∂²t/∂y²  (∂²t/∂x² = 0)
            hxx += 2 * tx * tx;
            hxy += 2 * (tx * ty + t * txy);
            hyy += 2 * (ty * ty + t * tyy);
        }
        return new[,] { { hxx, hxy }, { hxy, hyy } };
    }

    /// <inheritdoc/>
    public override PlotRange Range => new(-4.5, 4.5, -4.5, 4.5);
    /// <inheritdoc/>
    public override (double X, double Y) Start => (1, 1.5);
    /// <inheritdoc/>
    public override IReadOnlyList<(double X, double Y)> Minima => [(3, 0.5)];
    /// <inheritdoc/>
    public override double? MinimumValue => 0;
}
