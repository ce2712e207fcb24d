namespace CourseKit.Gates;

/// <summary>
/// y = xᵖ for a constant exponent p. Local gradient dy/dx = p · xᵖ⁻¹: backward(dy) = dy · p · xᵖ⁻¹.
/// A negative x needs a whole-number p, and x = 0 needs p ≥ 0 (otherwise xᵖ is not a real number).
/// </summary>
public sealed class PowGate(double p) : IUnaryGate
{
    private double? _x;

    /// <summary>The constant exponent p.</summary>
    public double P { get; } = p;

    public string Name => "^" + NumberFormat.Significant(P);

    public double Forward(double x)
    {
        if (x < 0 && P != Math.Floor(P))
            throw new ArgumentOutOfRangeException(nameof(x), x, $"x^{NumberFormat.Significant(P)} needs x ≥ 0 for a fractional exponent, got x = {x}.");
        if (x == 0 && P < 0)
            throw new ArgumentOutOfRangeException(nameof(x), x, $"x^{NumberFormat.Significant(P)} needs x ≠ 0 for a negative exponent, got x = 0.");
        _x = x;
        return Math.Pow(x, P);
    }

    public double Backward(double dy)
    {
        double x = _x ?? throw Gate.BackwardBeforeForward(this);
        return dy * P * Math.Pow(x, P - 1);
    }
}
