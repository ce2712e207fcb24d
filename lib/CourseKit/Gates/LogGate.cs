namespace CourseKit.Gates;

/// <summary>y = ln x (x &gt; 0). Local gradient dy/dx = 1/x: backward(dy) = dy / x.</summary>
public sealed class LogGate : IUnaryGate
{
    private double? _x;

    public string Name => "log";

    public double Forward(double x)
    {
        if (!(x > 0))
            throw new ArgumentOutOfRangeException(nameof(x), x, $"log(x) needs x > 0, got x = {x}.");
        _x = x;
        return Math.Log(x);
    }

    public double Backward(double dy) => dy / (_x ?? throw Gate.BackwardBeforeForward(this));
}
