namespace CourseKit.Training;

/// <summary>What the <see cref="Trainer"/> does when the loss or the gradient norm becomes NaN or ±∞
/// (training has diverged, typically because η is too large).</summary>
public enum NonFiniteLossAction
{
    /// <summary>Throw a <see cref="TrainingDivergedException"/> naming the step and epoch.</summary>
    Throw,
    /// <summary>Stop and report it in <see cref="TrainingResult.StopReason"/> with <see cref="TrainingResult.Diverged"/> set
    /// (handy in a notebook that shows what a too-large learning rate does).</summary>
    Stop,
}
