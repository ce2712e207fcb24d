namespace CourseKit.Gates;

/// <summary>y = a · x for a constant a. Local gradient dy/dx = a: backward(dy) = a · dy.</summary>
public sealed class ScaleGate(double a) : IUnaryGate
{
    private bool _forwarded;

    /// <summary>The constant factor a.</summary>
    public double A { get; } = a;

    public string Name => "*" + NumberFormat.Significant(A);

    public double Forward(double x)
    {
        _forwarded = true;
        return A * x;
    }

    public double Backward(double dy)
    {
        if (!_forwarded) throw Gate.BackwardBeforeForward(this);
        return A * dy;
    }
}
