namespace CourseKit.Gates;

/// <summary>
/// z = x · y. Local gradients ∂z/∂x = y and ∂z/∂y = x: the multiply gate swaps its inputs,
/// backward(dz) = (dz · y, dz · x) (the lecture “Neural networks and back-propagation”, class StarGate: forward(q, z) = q·z, backward = (∂f/∂w·z, ∂f/∂w·q)).
/// </summary>
public sealed class StarGate : IBinaryGate
{
    private (double x, double y)? _input;

    public string Name => "*";

    public double Forward(double x, double y)
    {
        _input = (x, y);
        return x * y;
    }

    public (double dx, double dy) Backward(double dz)
    {
        var (x, y) = _input ?? throw Gate.BackwardBeforeForward(this);
        return (dz * y, dz * x);
    }
}
