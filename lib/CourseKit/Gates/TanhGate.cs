namespace CourseKit.Gates;

/// <summary>
/// y = tanh x (the lecture “Neural networks and back-propagation”: like the sigmoid but with values in (−1, +1)).
/// Local gradient 1 − tanh²x = 1 − y², so the gate caches its output: backward(dy) = dy · (1 − y²).
/// </summary>
public sealed class TanhGate : IUnaryGate
{
    private double? _y;

    public string Name => "tanh";

    public double Forward(double x)
    {
        _y = Math.Tanh(x);
        return _y.Value;
    }

    public double Backward(double dy)
    {
        double y = _y ?? throw Gate.BackwardBeforeForward(this);
        return dy * (1 - y * y);
    }
}
