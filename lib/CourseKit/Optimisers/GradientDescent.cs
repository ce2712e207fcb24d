namespace CourseKit.Optimisers;

/// <summary>
/// Gradient descent θ ← θ − η∇J(θ) (the lecture “Optimisation methods and stopping criteria”: θ_t = θ_{t−1} − η Σ∇J_i(θ_{t−1}); the lecture “Gradient descent: the basics”: w ← w − η∇Q;
/// the lecture “Deep networks” Algorithm 8). Batch GD and (mini-batch) SGD are the same update: which examples the gradient
/// is summed over is the trainer's choice (the whole set, one example, or a mini-batch).
/// </summary>
/// <param name="parameters">The parameters θ.</param>
/// <param name="learningRate">η &gt; 0.</param>
public sealed class GradientDescent(IEnumerable<Parameter> parameters, double learningRate = 0.01)
    : Optimiser(parameters, learningRate)
{
    /// <inheritdoc/>
    protected override void Update(Parameter p) =>
        p.Value.AddScaledInPlace(p.Grad, -LearningRate); // θ ← θ − η∇J
}
