namespace CourseKit.Layers;

/// <summary>The average of T stochastic forward passes and the spread around it.</summary>
/// <param name="Mean">(1/T) Σₜ yₜ, element-wise.</param>
/// <param name="Std">√((1/T) Σₜ (yₜ − mean)²), element-wise: the model's uncertainty.</param>
/// <param name="Passes">T.</param>
public sealed record MonteCarloPrediction(Tensor Mean, Tensor Std, int Passes);
