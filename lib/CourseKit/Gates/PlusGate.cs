namespace CourseKit.Gates;

/// <summary>
/// z = x + y. Local gradients ∂z/∂x = ∂z/∂y = 1, so the plus gate hands the incoming
/// gradient to both inputs unchanged: backward(dz) = (dz, dz) (the lecture “Neural networks and back-propagation”, class PlusGate).
/// </summary>
public sealed class PlusGate : IBinaryGate
{
    private bool _forwarded;

    public string Name => "+";

    public double Forward(double x, double y)
    {
        _forwarded = true;
        return x + y;
    }

    public (double dx, double dy) Backward(double dz)
    {
        if (!_forwarded) throw Gate.BackwardBeforeForward(this);
        return (dz, dz);
    }
}
