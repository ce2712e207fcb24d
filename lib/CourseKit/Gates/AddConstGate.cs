namespace CourseKit.Gates;

/// <summary>y = x + c for a constant c. Local gradient dy/dx = 1: backward(dy) = dy.</summary>
public sealed class AddConstGate(double c) : IUnaryGate
{
    private bool _forwarded;

    /// <summary>The constant c.</summary>
    public double C { get; } = c;

    public string Name => (C < 0 ? "-" : "+") + NumberFormat.Significant(Math.Abs(C));

    public double Forward(double x)
    {
        _forwarded = true;
        return x + C;
    }

    public double Backward(double dy)
    {
        if (!_forwarded) throw Gate.BackwardBeforeForward(this);
        return dy;
    }
}
