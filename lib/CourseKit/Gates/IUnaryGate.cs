namespace CourseKit.Gates;

/// <summary>
/// A gate with one input, y = g(x) (the lecture “Neural networks and back-propagation”, "plug-and-play gates").
/// <see cref="Forward"/> caches what the local derivative needs;
/// <see cref="Backward"/> returns incoming gradient × local gradient, ∂f/∂x = ∂f/∂y · ∂y/∂x.
/// </summary>
public interface IUnaryGate
{
    /// <summary>Short operation name shown in graphs, e.g. "exp" or "*2".</summary>
    string Name { get; }

    /// <summary>Computes y = g(x) and remembers what <see cref="Backward"/> needs.</summary>
    double Forward(double x);

    /// <summary>Given dy = ∂f/∂y (the gradient arriving from the right), returns ∂f/∂x = dy · g'(x).</summary>
    double Backward(double dy);
}
