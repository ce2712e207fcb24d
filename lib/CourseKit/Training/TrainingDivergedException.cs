namespace CourseKit.Training;

/// <summary>The loss or the gradient became NaN or infinite during training.</summary>
public sealed class TrainingDivergedException : InvalidOperationException
{
    /// <param name="message">What happened and where.</param>
    /// <param name="step">The update k at which it happened (from 1).</param>
    /// <param name="epoch">The epoch (from 1).</param>
    /// <param name="value">The offending loss or gradient norm.</param>
    public TrainingDivergedException(string message, int step, int epoch, double value) : base(message)
    {
        Step = step;
        Epoch = epoch;
        Value = value;
    }

    /// <summary>The update at which training diverged.</summary>
    public int Step { get; }
    /// <summary>The epoch at which training diverged.</summary>
    public int Epoch { get; }
    /// <summary>The non-finite loss or gradient norm.</summary>
    public double Value { get; }
}
