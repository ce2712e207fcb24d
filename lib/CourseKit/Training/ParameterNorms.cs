namespace CourseKit.Training;

/// <summary>Norms of a whole model's parameters taken as one long vector θ (what the stopping criteria
/// of the lectures “Optimisation methods and stopping criteria” and “Gradient descent: the basics” compare: ‖∇J(θ)‖, ‖θ‖).</summary>
public static class ParameterNorms
{
    /// <summary>‖∇J(θ)‖ = sqrt(Σ over parameters of ‖∂L/∂φ‖²), from the gradients currently stored.</summary>
    public static double Gradient(IEnumerable<Parameter> parameters) => Norm(parameters, p => p.Grad);

    /// <summary>‖θ‖ = sqrt(Σ over parameters of ‖φ‖²).</summary>
    public static double Value(IEnumerable<Parameter> parameters) => Norm(parameters, p => p.Value);

    private static double Norm(IEnumerable<Parameter> parameters, Func<Parameter, Tensor> part)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double sum = 0;
        foreach (var p in parameters)
        {
            double n = part(p).Norm();
            sum += n * n;
        }
        return Math.Sqrt(sum);
    }
}
