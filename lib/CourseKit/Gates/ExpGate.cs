namespace CourseKit.Gates;

/// <summary>y = eˣ. Local gradient dy/dx = eˣ = y, so the gate caches its output: backward(dy) = dy · y.</summary>
public sealed class ExpGate : IUnaryGate
{
    private double? _y;

    public string Name => "exp";

    public double Forward(double x)
    {
        _y = Math.Exp(x);
        return _y.Value;
    }

    public double Backward(double dy) => dy * (_y ?? throw Gate.BackwardBeforeForward(this));
}
