namespace CourseKit.Training;

/// <summary>What the step k of a <see cref="Schedules.LearningRateSchedule"/> counts when the
/// <see cref="Trainer"/> applies it.</summary>
public enum ScheduleUnit
{
    /// <summary>k = the number of the update (η changes before every update).</summary>
    Step,
    /// <summary>k = the number of the epoch (η changes at the start of every epoch).</summary>
    Epoch,
}
