namespace CourseKit.Gates;

/// <summary>y = 1/x (x ≠ 0). Local gradient dy/dx = −1/x²: backward(dy) = −dy / x².</summary>
public sealed class InverseGate : IUnaryGate
{
    private double? _x;

    public string Name => "1/x";

    public double Forward(double x)
    {
        if (x == 0)
            throw new ArgumentOutOfRangeException(nameof(x), x, "1/x needs x ≠ 0, got x = 0.");
        _x = x;
        return 1 / x;
    }

    public double Backward(double dy)
    {
        double x = _x ?? throw Gate.BackwardBeforeForward(this);
        return -dy / (x * x);
    }
}
