using System.Diagnostics.CodeAnalysis;

namespace CourseKit.Gates;

/// <summary>
/// The branch (copy) rule: a value used in two places, x → (x, x). Its two uses send back two gradients,
/// and they add: backward(d1, d2) = d1 + d2 (multivariable chain rule, the lecture “Neural networks and back-propagation”).
/// <see cref="CourseKit.Autograd.Value"/> applies this rule by accumulating with <c>+=</c> into <c>Grad</c>.
/// </summary>
public sealed class CopyGate
{
    private bool _forwarded;

    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Read from a gate instance, like every other gate's Name.")]
    public string Name => "copy";

    public (double x1, double x2) Forward(double x)
    {
        _forwarded = true;
        return (x, x);
    }

    public double Backward(double dx1, double dx2)
    {
        if (!_forwarded) throw Gate.BackwardBeforeForward(this);
        return dx1 + dx2;
    }
}
