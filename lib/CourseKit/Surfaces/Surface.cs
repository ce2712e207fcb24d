namespace CourseKit.Surfaces;

/// <summary>
/// A test function J(x, y) of two variables for optimisation demos (the lectures “Optimisation: gradient descent and its variants” and “Optimisation methods and stopping criteria”: convex and non-convex
/// surfaces, local minima, plateaus, saddle points): its value, gradient ∇J = (∂J/∂x, ∂J/∂y) and Hessian
/// ∇²J, a suggested plotting range and start point, and its known minima. <see cref="Trajectory"/> runs any
/// optimiser over it.
/// </summary>
public abstract class Surface
{
    /// <summary>A short name, e.g. "Rosenbrock (a = 1, b = 100)".</summary>
    public abstract string Name { get; }

    /// <summary>The formula in LaTeX, e.g. <c>(a - x)^2 + b(y - x^2)^2</c>.</summary>
    public abstract string Formula { get; }

    /// <summary>J(x, y).</summary>
    public abstract double Value(double x, double y);

    /// <summary>∇J(x, y) = (∂J/∂x, ∂J/∂y).</summary>
    public abstract (double X, double Y) Gradient(double x, double y);

    /// <summary>∇²J(x, y) = [[∂²J/∂x², ∂²J/∂x∂y], [∂²J/∂y∂x, ∂²J/∂y²]] (symmetric).</summary>
    public abstract double[,] Hessian(double x, double y);

    /// <summary>A range that shows the interesting part of the surface.</summary>
    public abstract PlotRange Range { get; }

    /// <summary>A start point that makes the optimisers' differences visible.</summary>
    public abstract (double X, double Y) Start { get; }

    /// <summary>The known (local or global) minima; empty when J is unbounded below (saddles).</summary>
    public virtual IReadOnlyList<(double X, double Y)> Minima => [];

    /// <summary>J at the global minimum, or null when J has none.</summary>
    public virtual double? MinimumValue => null;

    /// <summary>J at a point given as a span [x, y] (e.g. a <see cref="Parameter"/>'s values).</summary>
    public double Value(ReadOnlySpan<double> point)
    {
        RequirePoint(point.Length, nameof(point));
        return Value(point[0], point[1]);
    }

    /// <summary>Writes ∇J at [x, y] into <paramref name="gradient"/> (length 2).</summary>
    public void Gradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        RequirePoint(point.Length, nameof(point));
        RequirePoint(gradient.Length, nameof(gradient));
        (gradient[0], gradient[1]) = Gradient(point[0], point[1]);
    }

    /// <summary>∇²J at [x, y] as a [2, 2] tensor (what <see cref="CourseKit.Optimisers.Newton"/> takes).</summary>
    public Tensor HessianTensor(ReadOnlySpan<double> point)
    {
        RequirePoint(point.Length, nameof(point));
        return Tensor.From(Hessian(point[0], point[1]));
    }

    /// <summary>J sampled on a grid for contour and surface plots: <c>Z[i, j] = J(Xs[j], Ys[i])</c> (rows follow y,
    /// as Plotly's <c>z</c> expects).</summary>
    /// <param name="resolution">Points per axis, at least 2.</param>
    /// <param name="range">The range; <see cref="Range"/> by default.</param>
    public SurfaceGrid Grid(int resolution = 101, PlotRange? range = null)
    {
        if (resolution < 2)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"A grid needs at least 2 points per axis, got {resolution}.");
        var r = range ?? Range;
        double[] xs = Axis(r.XMin, r.XMax, resolution), ys = Axis(r.YMin, r.YMax, resolution);
        var z = new double[resolution, resolution];
        for (int i = 0; i < resolution; i++)
            for (int j = 0; j < resolution; j++)
                z[i, j] = Value(xs[j], ys[i]);
        return new SurfaceGrid(xs, ys, z);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static double[] Axis(double lo, double hi, int n)
    {
        var a = new double[n];
        for (int i = 0; i < n; i++) a[i] = lo + (hi - lo) * i / (n - 1);
        return a;
    }

    private static void RequirePoint(int length, string name)
    {
        if (length != 2)
            throw new ArgumentException($"A surface point has 2 coordinates [x, y]; got {length} values.", name);
    }
}

/// <summary>A rectangle [XMin, XMax] × [YMin, YMax] to plot a surface over.</summary>
public readonly record struct PlotRange(double XMin, double XMax, double YMin, double YMax);

/// <summary>Values of a surface on a grid: <c>Z[i, j] = J(Xs[j], Ys[i])</c>.</summary>
public sealed record SurfaceGrid(double[] Xs, double[] Ys, double[,] Z);
