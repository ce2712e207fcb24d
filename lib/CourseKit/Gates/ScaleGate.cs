namespace CourseKit.Gates;

/// <summary>y = a · x for a constant a. Local gradient dy/dx = a: backward(dy) = a · dy.</summary>
public sealed class ScaleGate(double a) : IUnaryGate
{
    private bool forwarded;

    /// <summary>The constant factor a.</summary>
    public double A { get; } = a;

    public string Name => "*" + NumberFormat.Significant(A);

    public double Forward(double x)
    {
        forwarded = true;
        return A * x;
    }

    public double Backward(double dy)
    {
        if (!forwarded) throw Gate.BackwardBeforeForward(this);
        return A * dy;
    }
}
