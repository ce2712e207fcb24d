namespace CourseKit.Gates;

/// <summary>
/// y = max(0, x). Local gradient 1 for x &gt; 0 and 0 for x &lt; 0: the gate lets the gradient through
/// where the input was positive, backward(dy) = x &gt; 0 ? dy : 0. At the kink x = 0 it uses 0 (a subgradient).
/// </summary>
public sealed class ReLUGate : IUnaryGate
{
    private bool? _positive;

    public string Name => "relu";

    public double Forward(double x)
    {
        _positive = x > 0;
        return _positive.Value ? x : 0;
    }

    public double Backward(double dy)
    {
        bool open = _positive ?? throw Gate.BackwardBeforeForward(this);
        return open ? dy : 0;
    }
}
