namespace CourseKit.Gates;

/// <summary>
/// z = max(x, y). The max gate routes the incoming gradient to the input that won and gives the other 0:
/// backward(dz) = (dz, 0) if x ≥ y, else (0, dz). On a tie (x = y, where max has no derivative)
/// the whole gradient goes to x.
/// </summary>
public sealed class MaxGate : IBinaryGate
{
    private bool? _xWon;

    public string Name => "max";

    public double Forward(double x, double y)
    {
        _xWon = x >= y;
        return _xWon.Value ? x : y;
    }

    public (double dx, double dy) Backward(double dz)
    {
        bool x = _xWon ?? throw Gate.BackwardBeforeForward(this);
        return x ? (dz, 0) : (0, dz);
    }
}
