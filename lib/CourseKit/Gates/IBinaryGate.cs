namespace CourseKit.Gates;

/// <summary>
/// A gate with two inputs, z = g(x, y) (the lecture “Neural networks and back-propagation”, "plug-and-play gates").
/// <see cref="Forward"/> caches what the local derivatives need;
/// <see cref="Backward"/> returns incoming gradient × local gradient for each input:
/// (∂f/∂z · ∂z/∂x, ∂f/∂z · ∂z/∂y).
/// </summary>
public interface IBinaryGate
{
    /// <summary>Short operation name shown in graphs, e.g. "+" or "*".</summary>
    string Name { get; }

    /// <summary>Computes z = g(x, y) and remembers what <see cref="Backward"/> needs.</summary>
    double Forward(double x, double y);

    /// <summary>Given dz = ∂f/∂z (the gradient arriving from the right), returns (∂f/∂x, ∂f/∂y).</summary>
    (double dx, double dy) Backward(double dz);
}
