namespace CourseKit.Training;

/// <summary>
/// Watches a <see cref="Trainer"/>'s run as it goes: a live loss chart (CourseKit.Charts' <c>LiveTrainingChart</c>)
/// or a logger. Told after each epoch, and once when the run ends, however it ends.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>An epoch has finished.</summary>
    void EpochEnded(EpochRecord epoch);

    /// <summary>The run has ended (its limit, a stopping criterion, divergence or an exception).</summary>
    void TrainingEnded();
}
