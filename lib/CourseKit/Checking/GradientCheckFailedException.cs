namespace CourseKit.Checking;

/// <summary>Thrown by <see cref="GradientCheckReport.AssertPassed"/>; the message is the report's table, worst entries first.</summary>
public sealed class GradientCheckFailedException(GradientCheckReport report, string message) : Exception(message)
{
    /// <summary>The failing report.</summary>
    public GradientCheckReport Report { get; } = report;
}
