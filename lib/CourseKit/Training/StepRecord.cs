namespace CourseKit.Training;

/// <summary>One update θ ← θ − η∇J_B(θ) of training: what a step-level chart plots.</summary>
/// <param name="Step">k, the number of the update, from 1.</param>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Batch">The batch's position in its epoch, from 0.</param>
/// <param name="BatchSize">b, the examples in the batch.</param>
/// <param name="Loss">J_B(θ) on the batch, before the update.</param>
/// <param name="LearningRate">η used by the update.</param>
/// <param name="GradientNorm">‖∇J_B(θ)‖ over all parameters, before gradient clipping.</param>
public sealed record StepRecord(int Step, int Epoch, int Batch, int BatchSize, double Loss, double LearningRate, double GradientNorm);
