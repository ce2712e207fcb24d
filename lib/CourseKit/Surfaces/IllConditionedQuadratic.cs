namespace CourseKit.Surfaces;

/// <summary>
/// A long narrow valley: J(p) = ½·pᵀAp with A = R(θ)·diag(1, κ)·R(θ)ᵀ, so the Hessian has eigenvalues 1 and κ
/// (condition number κ) along axes turned by the angle θ. Gradient descent must take η &lt; 2/κ to stay stable
/// and then crawls along the flat direction at rate (1 − η) per step: the zig-zag momentum and adaptive methods
/// are meant to fix. With θ = 0 the valley is axis-aligned and per-coordinate methods (AdaGrad, RMSProp, Adam)
/// undo the conditioning; with θ = 45° they cannot. Minimum at (0, 0), J = 0.
/// </summary>
public sealed class IllConditionedQuadratic : Surface
{
    private readonly double _axx, _axy, _ayy;

    /// <param name="conditionNumber">κ ≥ 1, the ratio of the largest to the smallest curvature; 10 by default.</param>
    /// <param name="angleDegrees">θ, the rotation of the steep axis from the y-axis, in degrees; 0 by default.</param>
    public IllConditionedQuadratic(double conditionNumber = 10, double angleDegrees = 0)
    {
        if (!(conditionNumber >= 1) || double.IsInfinity(conditionNumber))
            throw new ArgumentOutOfRangeException(nameof(conditionNumber), conditionNumber,
                $"The condition number κ must be a finite number ≥ 1, got {conditionNumber}.");
        if (!double.IsFinite(angleDegrees))
            throw new ArgumentOutOfRangeException(nameof(angleDegrees), angleDegrees, "The angle must be a finite number of degrees.");
        ConditionNumber = conditionNumber;
        AngleDegrees = angleDegrees;
        double t = angleDegrees * Math.PI / 180, c = Math.Cos(t), s = Math.Sin(t);
        // A = R·diag(1, κ)·Rᵀ with R = [[c, −s], [s, c]]
        _axx = c * c + conditionNumber * s * s;
        _axy = c * s - conditionNumber * c * s;
        _ayy = s * s + conditionNumber * c * c;
    }

    /// <summary>κ.</summary>
    public double ConditionNumber { get; }
    /// <summary>θ in degrees.</summary>
    public double AngleDegrees { get; }

    /// <inheritdoc/>
    public override string Name => $"Ill-conditioned quadratic (κ = {ConditionNumber:G4}" + (AngleDegrees != 0 ? $", θ = {AngleDegrees:G4}°)" : ")");
    /// <inheritdoc/>
    public override string Formula => @"\tfrac12\, p^\top R_\theta \operatorname{diag}(1, \kappa) R_\theta^\top p";
    /// <inheritdoc/>
    public override double Value(double x, double y) => 0.5 * (_axx * x * x + 2 * _axy * x * y + _ayy * y * y);
    /// <inheritdoc/>
    public override (double X, double Y) Gradient(double x, double y) => (_axx * x + _axy * y, _axy * x + _ayy * y);
    /// <inheritdoc/>
    public override double[,] Hessian(double x, double y) => new[,] { { _axx, _axy }, { _axy, _ayy } };
    /// <inheritdoc/>
    public override PlotRange Range => new(-2, 2, -2, 2);
    /// <inheritdoc/>
    public override (double X, double Y) Start => (-1.8, 0.6);
    /// <inheritdoc/>
    public override IReadOnlyList<(double X, double Y)> Minima => [(0, 0)];
    /// <inheritdoc/>
    public override double? MinimumValue => 0;
}
