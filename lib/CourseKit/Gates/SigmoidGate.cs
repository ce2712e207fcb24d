namespace CourseKit.Gates;

/// <summary>
/// y = σ(x) = 1 / (1 + e⁻ˣ), the logistic function (the lecture “Neural networks and back-propagation”: differentiable everywhere, values in (0, 1)).
/// Local gradient σ'(x) = σ(x)(1 − σ(x)) = y(1 − y), so the gate caches its output: backward(dy) = dy · y(1 − y).
/// </summary>
public sealed class SigmoidGate : IUnaryGate
{
    private double? _y;

    public string Name => "sigmoid";

    public double Forward(double x)
    {
        // Two algebraically equal forms, each free of overflow on its side of 0.
        _y = x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
        return _y.Value;
    }

    public double Backward(double dy)
    {
        double y = _y ?? throw Gate.BackwardBeforeForward(this);
        return dy * y * (1 - y);
    }
}
